<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Agenda</name>
    <message numerus="yes">
        <source>Group session, hold %1 (%n participant(s))</source>
        <translation>
            <numerusform>Gruppesession, hold %1 (%n deltager)</numerusform>
            <numerusform>Gruppesession, hold %1 (%n deltagere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Samtale</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>◀ &amp;Previous week</source>
        <translation>◀ Forri&amp;ge uge</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <source>This wee&amp;k</source>
        <translation>Denne &amp;uge</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>&amp;Next week ▶</source>
        <translation>&amp;Næste uge ▶</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <source>&amp;Group roster…</source>
        <translation>Hold&amp;liste…</translation>
    </message>
    <message>
        <source>E&amp;xport calendar (.ics)…</source>
        <translation>&amp;Eksportér kalender (.ics)…</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Enter opens the appointment. A conversation is planned in the participant&apos;s Sessions tab with the status Planned; group sessions are planned in the roster.</source>
        <translation>Enter åbner aftalen. En samtale planlægges under deltagerens Samtaler med status Planlagt; gruppesessioner planlægges i holdlisten.</translation>
    </message>
    <message>
        <source>Week %1 · %2 – %3</source>
        <translation>Uge %1 · %2 – %3</translation>
    </message>
    <message>
        <source>all day</source>
        <translation>hele dagen</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min.</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n deltager</numerusform>
            <numerusform>%n deltagere</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing planned this week.</source>
        <translation>Intet planlagt i denne uge.</translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Samlet score</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>none (%1 missing)</source>
        <translation>ingen (%1 mangler)</translation>
    </message>
    <message>
        <source>1 answer missing: total prorated</source>
        <translation>1 svar mangler: scoren er opregnet</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Tidspunkt (UTC)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltager</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>(redacted after erasure)</source>
        <translation>(fjernet efter sletning)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Vault created</source>
        <translation>Boks oprettet</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Låst op</translation>
    </message>
    <message>
        <source>Failed unlock</source>
        <translation>Mislykket oplåsning</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Adgangssætning ændret</translation>
    </message>
    <message>
        <source>Participant created</source>
        <translation>Deltager oprettet</translation>
    </message>
    <message>
        <source>Participant changed</source>
        <translation>Deltager ændret</translation>
    </message>
    <message>
        <source>Participant opened</source>
        <translation>Deltager åbnet</translation>
    </message>
    <message>
        <source>Participant erased</source>
        <translation>Deltager slettet</translation>
    </message>
    <message>
        <source>PSS-10 saved</source>
        <translation>PSS-10 gemt</translation>
    </message>
    <message>
        <source>PSS-10 changed</source>
        <translation>PSS-10 ændret</translation>
    </message>
    <message>
        <source>PSS-10 deleted</source>
        <translation>PSS-10 slettet</translation>
    </message>
    <message>
        <source>Session saved</source>
        <translation>Samtale gemt</translation>
    </message>
    <message>
        <source>Session changed</source>
        <translation>Samtale ændret</translation>
    </message>
    <message>
        <source>Session deleted</source>
        <translation>Samtale slettet</translation>
    </message>
    <message>
        <source>Job plan saved</source>
        <translation>Jobplan gemt</translation>
    </message>
    <message>
        <source>Attendance saved</source>
        <translation>Fremmøde gemt</translation>
    </message>
    <message>
        <source>Attendance mark deleted</source>
        <translation>Fremmøde slettet</translation>
    </message>
    <message>
        <source>Session restored (undo)</source>
        <translation>Samtale genskabt (fortryd)</translation>
    </message>
    <message>
        <source>PSS-10 restored (undo)</source>
        <translation>PSS-10 genskabt (fortryd)</translation>
    </message>
    <message>
        <source>Attendance mark restored (undo)</source>
        <translation>Fremmøde genskabt (fortryd)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Cohort report</source>
        <translation>Effektrapport for holdet</translation>
    </message>
    <message>
        <source>Calendar exported</source>
        <translation>Kalender eksporteret</translation>
    </message>
    <message>
        <source>Group session planned</source>
        <translation>Gruppesession planlagt</translation>
    </message>
    <message>
        <source>Group session removed</source>
        <translation>Gruppesession fjernet</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sikkerhedskopi</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Gendannelse</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søgning</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Indstillinger ændret</translation>
    </message>
    <message>
        <source>Disclosure recorded</source>
        <translation>Videregivelse registreret</translation>
    </message>
    <message>
        <source>Audit log keyed</source>
        <translation>Aktivitetsloggen sikret med nøgle</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>Ny gendannelseskode</translation>
    </message>
    <message>
        <source>Key derivation strengthened</source>
        <translation>Nøgleafledning styrket</translation>
    </message>
    <message>
        <source>Failed-unlock log altered</source>
        <translation>Log over mislykkede oplåsninger ændret</translation>
    </message>
    <message>
        <source>erased participant</source>
        <translation>slettet deltager</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Aktivitetslog</translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation>Filtrér efter handling</translation>
    </message>
    <message>
        <source>Filter by participant</source>
        <translation>Filtrér efter deltager</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Handling:</translation>
    </message>
    <message>
        <source>&amp;Participant:</source>
        <translation>&amp;Deltager:</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Hændelser i aktivitetsloggen</translation>
    </message>
    <message>
        <source>The audit chain is BROKEN: {first}. Run &apos;coachdesk check&apos; and restore a backup.</source>
        <translation>Aktivitetsloggens kæde er BRUDT: {first}. Kør &apos;coachdesk check&apos;, og gendan en sikkerhedskopi.</translation>
    </message>
    <message numerus="yes">
        <source>The audit chain is intact (%n event(s)).</source>
        <translation>
            <numerusform>Aktivitetsloggens kæde er intakt (%n hændelse).</numerusform>
            <numerusform>Aktivitetsloggens kæde er intakt (%n hændelser).</numerusform>
        </translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle handlinger</translation>
    </message>
    <message>
        <source>All participants</source>
        <translation>Alle deltagere</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backup</source>
        <translation>Sikkerhedskopi</translation>
    </message>
    <message>
        <source>Backups are encrypted like the vault: they open only with your passphrase or the recovery code. Keep them on an external drive or a network folder, not only on this laptop. CoachDesk makes one automatically each day you close it, and keeps the last 7 daily and 4 weekly backups.</source>
        <translation>Sikkerhedskopier er krypteret ligesom boksen: de kan kun åbnes med din adgangssætning eller gendannelseskoden. Gem dem på et eksternt drev eller i en netværksmappe, ikke kun på denne bærbare. CoachDesk tager automatisk en sikkerhedskopi hver dag, når du lukker programmet, og gemmer de seneste 7 daglige og 4 ugentlige sikkerhedskopier.</translation>
    </message>
    <message>
        <source>No backup folder chosen</source>
        <translation>Ingen mappe til sikkerhedskopier valgt</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Mappe til sikkerhedskopier</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Vælg...</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>Mappe til sikkerhedskopier:</translation>
    </message>
    <message>
        <source>Last good backup:</source>
        <translation>Seneste gyldige sikkerhedskopi:</translation>
    </message>
    <message>
        <source>Backups in the folder</source>
        <translation>Sikkerhedskopier i mappen</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Tag sikkerhedskopi nu</translation>
    </message>
    <message>
        <source>Backups in this folder:</source>
        <translation>Sikkerhedskopier i denne mappe:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>There is no backup of this vault yet. Choose a folder and make one now.</source>
        <translation>Der er endnu ingen sikkerhedskopi af denne boks. Vælg en mappe, og tag en nu.</translation>
    </message>
    <message numerus="yes">
        <source>The last backup is %n day(s) old. Make one now.</source>
        <translation>
            <numerusform>Den seneste sikkerhedskopi er %n dag gammel. Tag en ny nu.</numerusform>
            <numerusform>Den seneste sikkerhedskopi er %n dage gammel. Tag en ny nu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the backup folder</source>
        <translation>Vælg mappen til sikkerhedskopier</translation>
    </message>
    <message>
        <source>The backup folder {folder} is not available. Is the drive connected?</source>
        <translation>Mappen til sikkerhedskopier {folder} er ikke tilgængelig. Er drevet tilsluttet?</translation>
    </message>
    <message>
        <source>Writing and verifying the backup...</source>
        <translation>Skriver og kontrollerer sikkerhedskopien...</translation>
    </message>
    <message>
        <source>Backup written and verified: {name}</source>
        <translation>Sikkerhedskopien er skrevet og kontrolleret: {name}</translation>
    </message>
    <message>
        <source>The backup failed.</source>
        <translation>Sikkerhedskopieringen mislykkedes.</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Made</source>
        <translation>Taget</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
</context>
<context>
    <name>CalendarExportDialog</name>
    <message>
        <source>Export calendar</source>
        <translation>Eksportér kalender</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Participants are shown as</source>
        <translation>Deltagere vises som</translation>
    </message>
    <message>
        <source>Their ref</source>
        <translation>Deres ref.</translation>
    </message>
    <message>
        <source>Their initials</source>
        <translation>Deres initialer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Vælg…</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>F&amp;ra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>&amp;Show participants as:</source>
        <translation>Vi&amp;s deltagere som:</translation>
    </message>
    <message>
        <source>Fi&amp;le:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>The calendar holds the planned conversations and group sessions: the ref or initials, the time, the duration and the mode. Never a name, a CPR number, themes or notes. The export is recorded in the audit log.</source>
        <translation>Kalenderen indeholder de planlagte samtaler og gruppesessioner: ref. eller initialer, tidspunkt, varighed og samtaleform. Aldrig navn, CPR-nummer, temaer eller noter. Eksporten registreres i aktivitetsloggen.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksportér</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderfiler (*.ics)</translation>
    </message>
    <message>
        <source>Type a file name for the calendar.</source>
        <translation>Skriv et filnavn til kalenderen.</translation>
    </message>
</context>
<context>
    <name>Caseload</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Course week</source>
        <translation>Forløbsuge</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Næste opgave</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Seneste samtale</translation>
    </message>
    <message>
        <source>PSS-10 before → after</source>
        <translation>PSS-10 før → efter</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Search name or ref (Ctrl+F)</source>
        <translation>Søg på navn eller ref. (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the caseload</source>
        <translation>Søg blandt deltagerne</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrér efter status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statusser</translation>
    </message>
    <message>
        <source>Needs &amp;attention</source>
        <translation>Kræver &amp;opmærksomhed</translation>
    </message>
    <message>
        <source>Show a&amp;rchived</source>
        <translation>Vis a&amp;rkiverede</translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>%1: final PSS-10 due</source>
        <translation>%1: afsluttende PSS-10 mangler</translation>
    </message>
    <message>
        <source>%1: no log of the conversation planned for %2</source>
        <translation>%1: ingen notater fra samtalen planlagt %2</translation>
    </message>
    <message>
        <source>%1: no consent recorded before the report</source>
        <translation>%1: intet samtykke registreret før rapporten</translation>
    </message>
    <message>
        <source>%1: final report not sent</source>
        <translation>%1: slutrapport ikke sendt</translation>
    </message>
    <message>
        <source>%1: change the status to %2?</source>
        <translation>%1: skift status til %2?</translation>
    </message>
    <message>
        <source>group session</source>
        <translation>gruppesession</translation>
    </message>
    <message>
        <source>no conversations planned</source>
        <translation>ingen samtaler planlagt</translation>
    </message>
    <message>
        <source>Today, %1:</source>
        <translation>I dag, %1:</translation>
    </message>
    <message>
        <source>… participants need attention</source>
        <translation>… deltagere kræver opmærksomhed</translation>
    </message>
    <message>
        <source>… final PSS-10 due</source>
        <translation>… PSS-10-slutmålinger mangler</translation>
    </message>
    <message>
        <source>questionnaires due for … participants</source>
        <translation>spørgeskemaer mangler for … deltagere</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) need attention</source>
        <translation>
            <numerusform>%n deltager kræver opmærksomhed</numerusform>
            <numerusform>%n deltagere kræver opmærksomhed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n final PSS-10 due</source>
        <translation>
            <numerusform>%n PSS-10-slutmåling mangler</numerusform>
            <numerusform>%n PSS-10-slutmålinger mangler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>questionnaires due for %n participant(s)</source>
        <translation>
            <numerusform>spørgeskemaer mangler for %n deltager</numerusform>
            <numerusform>spørgeskemaer mangler for %n deltagere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more reminder(s)</source>
        <translation>
            <numerusform>%n påmindelse mere</numerusform>
            <numerusform>%n påmindelser mere</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders:</source>
        <translation>Påmindelser:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <source>No participants yet. Press Ctrl+N to add the first one, or import a participant file.</source>
        <translation>Ingen deltagere endnu. Tryk Ctrl+N for at oprette den første, eller importér en deltagerfil.</translation>
    </message>
    <message>
        <source>No participant matches the search and filters.</source>
        <translation>Ingen deltagere passer til søgningen og filtrene.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Skift adgangssætning</translation>
    </message>
    <message>
        <source>The new passphrase unlocks this vault from now on. The recovery code stays the same.</source>
        <translation>Den nye adgangssætning låser boksen op fra nu af. Gendannelseskoden er den samme.</translation>
    </message>
    <message>
        <source>You unlocked with the recovery code. Choose a new passphrase for daily use; the recovery code stays the same.</source>
        <translation>Du har låst op med gendannelseskoden. Vælg en ny adgangssætning til daglig brug; gendannelseskoden er den samme.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Nuværende adgangssætning</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Ny adgangssætning</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Gentag den nye adgangssætning</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>&amp;Nuværende adgangssætning:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>N&amp;y adgangssætning:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Gentag:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De to adgangssætninger er ikke ens.</translation>
    </message>
    <message>
        <source>The current passphrase is wrong.</source>
        <translation>Den nuværende adgangssætning er forkert.</translation>
    </message>
</context>
<context>
    <name>CohortReportDialog</name>
    <message>
        <source>Cohort effect report</source>
        <translation>Effektrapport</translation>
    </message>
    <message>
        <source>All courses (no period)</source>
        <translation>Alle forløb (ingen periode)</translation>
    </message>
    <message>
        <source>Excel (semicolon, decimal comma)</source>
        <translation>Excel (semikolon, decimalkomma)</translation>
    </message>
    <message>
        <source>RFC 4180 (comma, decimal point)</source>
        <translation>RFC 4180 (komma, decimalpunktum)</translation>
    </message>
    <message>
        <source>Courses started from</source>
        <translation>Forløb startet fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Rapportens sprog</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Nøgletal</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <source>What is hidden, and why</source>
        <translation>Hvad er skjult, og hvorfor</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Eksportér &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Eksportér &amp;CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>CSV format</source>
        <translation>CSV-format</translation>
    </message>
    <message>
        <source>The first month is after the last one.</source>
        <translation>Den første måned ligger efter den sidste.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Tæller…</translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) show as «&lt;5» because they are between 1 and 4: so few people could be recognised.</source>
        <translation>
            <numerusform>%n tal vises som »&lt;5«, fordi det er mellem 1 og 4: så få personer ville kunne genkendes.</numerusform>
            <numerusform>%n tal vises som »&lt;5«, fordi de er mellem 1 og 4: så få personer ville kunne genkendes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Withheld because they could otherwise be worked out from the other numbers (for example, the three verdicts add up to the number of pairs): %1.</source>
        <translation>Udeladt, fordi de ellers kunne regnes ud af de andre tal (fx giver de tre vurderinger tilsammen antallet af parrede målinger): %1.</translation>
    </message>
    <message>
        <source>Withheld because comparing with a cohort report you have already exported would reveal a difference of 1-4 people: %1.</source>
        <translation>Udeladt, fordi en sammenligning med en effektrapport, du allerede har eksporteret, ellers ville afsløre en forskel på 1-4 personer: %1.</translation>
    </message>
    <message>
        <source>Means and confidence intervals over fewer than 5 people are not shown.</source>
        <translation>Gennemsnit og konfidensintervaller for færre end 5 personer vises ikke.</translation>
    </message>
    <message>
        <source>No number had to be hidden in this report.</source>
        <translation>Ingen tal skulle skjules i denne rapport.</translation>
    </message>
    <message>
        <source>The report holds no names, CPR numbers or dates. When you export it, its numbers (never people) are recorded in the vault, so that a later report cannot be subtracted from it.</source>
        <translation>Rapporten indeholder ingen navne, CPR-numre eller datoer. Når du eksporterer den, gemmes dens tal (aldrig personer) i boksen, så en senere rapport ikke kan trækkes fra den.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Export cohort report</source>
        <translation>Eksportér effektrapport</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>Exported to %1. The release is recorded.</source>
        <translation>Eksporteret til %1. Udleveringen er registreret.</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>Eksporten mislykkedes.</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>The date is in the future: a session cannot have been held (or missed) yet. Choose &quot;cancelled&quot;, or correct the date.</source>
        <translation>Datoen ligger i fremtiden: en samtale kan ikke være holdt (eller udeblevet) endnu. Vælg &quot;aflyst&quot;, eller ret datoen.</translation>
    </message>
    <message>
        <source>The date is in the future: attendance can only be marked once the group session has taken place.</source>
        <translation>Datoen ligger i fremtiden: fremmøde kan først registreres, når gruppemødet har fundet sted.</translation>
    </message>
    <message>
        <source>The date is before the participant&apos;s referral date.</source>
        <translation>Datoen ligger før deltagerens henvisningsdato.</translation>
    </message>
    <message>
        <source>The date is before the course start, so it has no course week.</source>
        <translation>Datoen ligger før forløbets start og har derfor ingen forløbsuge.</translation>
    </message>
    <message>
        <source>The course week does not match the date: that date is in week %1.</source>
        <translation>Forløbsugen passer ikke med datoen: den dato ligger i uge %1.</translation>
    </message>
    <message>
        <source>The date is before the course start.</source>
        <translation>Datoen ligger før forløbets start.</translation>
    </message>
    <message>
        <source>The date is more than %1 days after the course ended.</source>
        <translation>Datoen ligger mere end %1 dage efter forløbets afslutning.</translation>
    </message>
    <message>
        <source>If this is right, save again to confirm it; until then reports do not count it.</source>
        <translation>Hvis det er rigtigt, så gem igen for at bekræfte det; indtil da tæller rapporter det ikke med.</translation>
    </message>
    <message>
        <source>Put back.</source>
        <translation>Genskabt.</translation>
    </message>
</context>
<context>
    <name>CprField</name>
    <message>
        <source>DDMMYY-NNNN</source>
        <translation>DDMMÅÅ-NNNN</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Show the full CPR number</source>
        <translation>Vis hele CPR-nummeret</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Skjul</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Type a date.</source>
        <translation>Skriv en dato.</translation>
    </message>
    <message>
        <source>Not a date. Type it as 15.09.2026, 150926, &quot;today&quot; or +7.</source>
        <translation>Ikke en dato. Skriv den som 15.09.2026, 150926, &quot;i dag&quot; eller +7.</translation>
    </message>
    <message>
        <source>Add the year, e.g. 15.09.2026.</source>
        <translation>Skriv også året, fx 15.09.2026.</translation>
    </message>
    <message>
        <source>That day does not exist in that month.</source>
        <translation>Den dag findes ikke i den måned.</translation>
    </message>
    <message>
        <source>The year must be between 1900 and 2100.</source>
        <translation>Året skal ligge mellem 1900 og 2100.</translation>
    </message>
    <message>
        <source>That is more than ten years away.</source>
        <translation>Det er mere end ti år væk.</translation>
    </message>
    <message>
        <source>Not a date.</source>
        <translation>Ikke en dato.</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.åååå</translation>
    </message>
    <message>
        <source>Type the date as 15.09.2026, 15-09-2026, 15092026, 150926 or 15.9.26; &quot;today&quot; or &quot;i dag&quot;; +7 for a week from today.</source>
        <translation>Skriv datoen som 15.09.2026, 15-09-2026, 15092026, 150926 eller 15.9.26; &quot;i dag&quot;; +7 for om en uge.</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase participant</source>
        <translation>Slet deltager endeligt</translation>
    </message>
    <message>
        <source>Erase &lt;b&gt;{name}&lt;/b&gt; ({ref}) for good?</source>
        <translation>Vil du slette &lt;b&gt;{name}&lt;/b&gt; ({ref}) endeligt?</translation>
    </message>
    <message>
        <source>This cannot be undone. Every record of this person is removed from the vault; the audit log keeps only an anonymous note that an erasure happened. Backups made before today still hold the person until they rotate out (at most five weeks).</source>
        <translation>Det kan ikke fortrydes. Alle oplysninger om personen fjernes fra boksen; aktivitetsloggen beholder kun en anonym note om, at der er slettet. Sikkerhedskopier fra før i dag indeholder stadig personen, indtil de udskiftes (højst fem uger).</translation>
    </message>
    <message>
        <source>Type the participant&apos;s ref &lt;b&gt;{ref}&lt;/b&gt; to confirm:</source>
        <translation>Skriv deltagerens ref. &lt;b&gt;{ref}&lt;/b&gt; for at bekræfte:</translation>
    </message>
    <message>
        <source>Participant&apos;s ref, to confirm the erasure</source>
        <translation>Deltagerens ref. til bekræftelse af sletningen</translation>
    </message>
    <message>
        <source>Erasing</source>
        <translation>Sletter</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Slet endeligt</translation>
    </message>
    <message>
        <source>PSS-10 questionnaire(s)</source>
        <translation>PSS-10-skema(er)</translation>
    </message>
    <message>
        <source>session log(s) with notes</source>
        <translation>samtale(r) med noter</translation>
    </message>
    <message>
        <source>group attendance record(s)</source>
        <translation>registrering(er) af fremmøde i gruppen</translation>
    </message>
    <message>
        <source>job plan version(s)</source>
        <translation>version(er) af jobplanen</translation>
    </message>
    <message>
        <source>disclosure record(s)</source>
        <translation>registrering(er) af videregivelse</translation>
    </message>
    <message>
        <source>unsaved draft(s)</source>
        <translation>kladde(r), der ikke er gemt</translation>
    </message>
    <message>
        <source>The personal details and:</source>
        <translation>Personoplysningerne og:</translation>
    </message>
    <message>
        <source>The personal details (there are no other records).</source>
        <translation>Personoplysningerne (der er ingen andre registreringer).</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>The disk is full, so the change could not be saved. Free some space on the disk and try again; what you saved before is safe in the vault.</source>
        <translation>Disken er fuld, så ændringen kunne ikke gemmes. Frigør plads på disken, og prøv igen; det, du har gemt før, er sikkert i boksen.</translation>
    </message>
    <message>
        <source>The disk could not be read or written (an input/output error). Check the disk or the network drive and try again; what you saved before is safe in the vault.</source>
        <translation>Disken kunne ikke læses eller skrives (en ind-/uddatafejl). Kontrollér disken eller netværksdrevet, og prøv igen; det, du har gemt før, er sikkert i boksen.</translation>
    </message>
    <message>
        <source>Something went wrong in CoachDesk (%1). What you saved is safe in the vault, and open editors keep their text as drafts. If it happens again, tell your IT department what you were doing.</source>
        <translation>Noget gik galt i CoachDesk (%1). Det, du har gemt, er sikkert i boksen, og åbne redigeringsvinduer beholder deres tekst som kladder. Sker det igen, så fortæl din it-afdeling, hvad du var i gang med.</translation>
    </message>
    <message>
        <source>CoachDesk</source>
        <translation>CoachDesk</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>No report to the municipality: the participant has not consented, or withdrew the consent.</source>
        <translation>Ingen rapport til kommunen: deltageren har ikke givet samtykke eller har trukket samtykket tilbage.</translation>
    </message>
    <message>
        <source>The participant</source>
        <translation>Deltageren</translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation>Laver forhåndsvisningen…</translation>
    </message>
    <message>
        <source>Status note (statusnotat)</source>
        <translation>Statusnotat</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n side</numerusform>
            <numerusform>%n sider</numerusform>
        </translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Eksportér rapport</translation>
    </message>
    <message>
        <source>Final report</source>
        <translation>Slutrapport</translation>
    </message>
    <message>
        <source>Participant&apos;s own copy (access request)</source>
        <translation>Deltagerens egen kopi (indsigtsanmodning)</translation>
    </message>
    <message>
        <source>Caseworker, municipality</source>
        <translation>Sagsbehandler, kommune</translation>
    </message>
    <message>
        <source>Digital Post</source>
        <translation>Digital Post</translation>
    </message>
    <message>
        <source>Secure e-mail</source>
        <translation>Sikker e-mail</translation>
    </message>
    <message>
        <source>Handed over in person</source>
        <translation>Udleveret personligt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Afsnit</translation>
    </message>
    <message>
        <source>Sensitive – include only when the recipient needs it:</source>
        <translation>Følsomt – tag kun med, når modtageren har brug for det:</translation>
    </message>
    <message>
        <source>Sensitive: not part of the minimal report. Include it only when the recipient needs it; you will be asked for your passphrase.</source>
        <translation>Følsomt: ikke en del af den minimale rapport. Tag det kun med, når modtageren har brug for det; du bliver bedt om din adgangssætning.</translation>
    </message>
    <message>
        <source>The participant&apos;s own copy holds everything recorded about them, the disclosure log and their audit entries, with the participant file (JSON) attached.</source>
        <translation>Deltagerens egen kopi indeholder alt, hvad der er registreret om vedkommende, oversigten over videregivelser og vedkommendes linjer i aktivitetsloggen, med deltagerfilen (JSON) vedhæftet.</translation>
    </message>
    <message numerus="yes">
        <source>Optional, at least %n characters</source>
        <translation>
            <numerusform>Valgfri, mindst %n tegn</numerusform>
            <numerusform>Valgfri, mindst %n tegn</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Gentag adgangskoden</translation>
    </message>
    <message>
        <source>The PDF is encrypted with AES-256. Send the password by another channel (phone or text message), never in the same e-mail.</source>
        <translation>PDF-filen krypteres med AES-256. Send adgangskoden ad en anden vej (telefon eller sms), aldrig i samme e-mail.</translation>
    </message>
    <message>
        <source>An encrypted PDF cannot be archived: the municipality&apos;s case system files PDF/A, which may not be encrypted. Send the municipality the plain PDF through Digital Post or secure e-mail instead.</source>
        <translation>En krypteret PDF kan ikke arkiveres: kommunens sagssystem journaliserer PDF/A, som ikke må være krypteret. Send i stedet kommunen den ukrypterede PDF med Digital Post eller sikker e-mail.</translation>
    </message>
    <message>
        <source>Report type</source>
        <translation>Rapporttype</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Rapportens sprog</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Sendes med</translation>
    </message>
    <message>
        <source>Password protection</source>
        <translation>Beskyttelse med adgangskode</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>%1 (sensitive)</source>
        <translation>%1 (følsomt)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>Bekræft, at det er dig</translation>
    </message>
    <message>
        <source>This export includes session notes, the full CPR number or everything about the person. Enter your passphrase:</source>
        <translation>Denne eksport indeholder samtalenoter, det fulde CPR-nummer eller alt om personen. Skriv din adgangssætning:</translation>
    </message>
    <message>
        <source>Who sends the report</source>
        <translation>Hvem sender rapporten</translation>
    </message>
    <message>
        <source>Every report names its sender, so the caseworker can answer. This is asked once; you can change it in Settings.</source>
        <translation>Hver rapport nævner afsenderen, så sagsbehandleren kan svare. Du bliver kun spurgt én gang; du kan ændre det under Indstillinger.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation>Telefon eller e-mail</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De to adgangskoder er ikke ens.</translation>
    </message>
    <message numerus="yes">
        <source>The password must have at least %n characters.</source>
        <translation>
            <numerusform>Adgangskoden skal have mindst %n tegn.</numerusform>
            <numerusform>Adgangskoden skal have mindst %n tegn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>Vælg mindst ét afsnit.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was exported.</source>
        <translation>Forkert adgangssætning. Intet er eksporteret.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>Exported to %1. The disclosure is recorded.</source>
        <translation>Eksporteret til %1. Videregivelsen er registreret.</translation>
    </message>
    <message>
        <source>Remember: send the password by another channel.</source>
        <translation>Husk: send adgangskoden ad en anden vej.</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>Eksporten mislykkedes.</translation>
    </message>
</context>
<context>
    <name>FirstRunView</name>
    <message>
        <source>CoachDesk keeps your participants&apos; data encrypted on this computer. Choose a passphrase of at least %1 characters: several words are easy to remember and hard to guess.</source>
        <translation>CoachDesk gemmer dine deltageres oplysninger krypteret på denne computer. Vælg en adgangssætning på mindst %1 tegn: flere ord efter hinanden er lette at huske og svære at gætte.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Ny adgangssætning</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Gentag adgangssætningen</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Adgangssætningens styrke</translation>
    </message>
    <message>
        <source>&amp;Create the vault</source>
        <translation>&amp;Opret boksen</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Adgangssætning:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Gentag:</translation>
    </message>
    <message>
        <source>Welcome to CoachDesk</source>
        <translation>Velkommen til CoachDesk</translation>
    </message>
    <message>
        <source>Restore a &amp;backup instead…</source>
        <translation>Gendan en &amp;sikkerhedskopi i stedet…</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De to adgangssætninger er ikke ens.</translation>
    </message>
    <message>
        <source>Creating the encrypted vault…</source>
        <translation>Opretter den krypterede boks…</translation>
    </message>
    <message>
        <source>The vault was not created: %1</source>
        <translation>Boksen blev ikke oprettet: %1</translation>
    </message>
    <message>
        <source>This is your organisation&apos;s recovery code. It unlocks the vault if the passphrase is forgotten. It is shown only now: save it to a file on a USB stick or print it, and keep it locked away, apart from this computer.</source>
        <translation>Dette er din organisations gendannelseskode. Den låser boksen op, hvis adgangssætningen bliver glemt. Den vises kun nu: gem den som fil på en USB-nøgle, eller udskriv den, og opbevar den låst inde – et andet sted end ved denne computer.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Gendannelseskode</translation>
    </message>
    <message>
        <source>&amp;Save as file…</source>
        <translation>&amp;Gem som fil…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Udskriv…</translation>
    </message>
    <message>
        <source>I have &amp;stored the recovery code</source>
        <translation>Jeg har &amp;opbevaret gendannelseskoden sikkert</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsæt</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Din gendannelseskode</translation>
    </message>
    <message>
        <source>CoachDesk recovery code

%1

Keep this locked away. It unlocks the CoachDesk vault if the passphrase is forgotten.
</source>
        <translation>Gendannelseskode til CoachDesk

%1

Opbevar den låst inde. Den låser CoachDesk-boksen op, hvis adgangssætningen bliver glemt.
</translation>
    </message>
    <message>
        <source>Save the recovery code</source>
        <translation>Gem gendannelseskoden</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Tekstfiler (*.txt)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunne ikke gemmes: %1</translation>
    </message>
    <message>
        <source>Your name and organisation appear on the reports you send to the municipality. You can change them later in Settings.</source>
        <translation>Dit navn og din organisation står på de rapporter, du sender til kommunen. Du kan ændre dem senere under Indstillinger.</translation>
    </message>
    <message>
        <source>Coach name</source>
        <translation>Coachens navn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&amp;Start using CoachDesk</source>
        <translation>&amp;Begynd at bruge CoachDesk</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Dit &amp;navn:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Om dig</translation>
    </message>
</context>
<context>
    <name>HandedOverNote</name>
    <message>
        <source>Receiver confirmed: erase…</source>
        <translation>Modtageren har bekræftet: slet…</translation>
    </message>
    <message>
        <source>Handed over to another coach on %1. When the receiving coach confirms that the import worked, erase the participant here.</source>
        <translation>Overdraget til anden coach den %1. Når den modtagende coach bekræfter, at importen lykkedes, så slet deltageren her.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over to another coach</source>
        <translation>Overdrag til anden coach</translation>
    </message>
    <message>
        <source>Writes the complete record of &lt;b&gt;{name}&lt;/b&gt; ({ref}) to one encrypted file that only the receiving coach can open. Send it by a channel your organisation trusts. The handover is recorded in the disclosure log before the file appears.</source>
        <translation>Skriver hele journalen for &lt;b&gt;{name}&lt;/b&gt; ({ref}) i én krypteret fil, som kun den modtagende coach kan åbne. Send den ad en vej, jeres organisation har godkendt. Overdragelsen noteres i loggen over videregivelser, før filen bliver synlig.</translation>
    </message>
    <message>
        <source>To the receiving coach&apos;s &amp;key</source>
        <translation>Til den modtagende coachs &amp;nøgle</translation>
    </message>
    <message>
        <source>With a pass&amp;phrase (the receiver has no key yet)</source>
        <translation>Med en adgangs&amp;sætning (modtageren har endnu ingen nøgle)</translation>
    </message>
    <message>
        <source>age1…</source>
        <translation>age1…</translation>
    </message>
    <message>
        <source>The receiving coach&apos;s key</source>
        <translation>Den modtagende coachs nøgle</translation>
    </message>
    <message>
        <source>The receiving coach finds the key under Settings -&gt; My receiving key. Paste it, or type it as it is read aloud (spaces do not matter).</source>
        <translation>Den modtagende coach finder nøglen under Indstillinger -&gt; Min modtagernøgle. Indsæt den, eller skriv den, mens den bliver læst op (mellemrum er ligegyldige).</translation>
    </message>
    <message>
        <source>Handover passphrase</source>
        <translation>Adgangssætning til overdragelsen</translation>
    </message>
    <message>
        <source>Repeat the handover passphrase</source>
        <translation>Gentag adgangssætningen til overdragelsen</translation>
    </message>
    <message>
        <source>Tell the receiver the passphrase by phone, never in the same e-mail as the file.</source>
        <translation>Giv modtageren adgangssætningen i telefonen, aldrig i samme e-mail som filen.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Adgangssætning:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Gentag:</translation>
    </message>
    <message>
        <source>Handover file</source>
        <translation>Overdragelsesfil</translation>
    </message>
    <message>
        <source>Where to save the file (.age)</source>
        <translation>Hvor filen skal gemmes (.age)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Vælg…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>Archive the participant now, so the record leaves your caseload. When the receiving coach confirms that the import worked, erase the participant with Erase… on the participant page.</source>
        <translation>Arkivér deltageren nu, så journalen forlader din deltagerliste. Når den modtagende coach bekræfter, at importen lykkedes, så slet deltageren med Slet… på deltagersiden.</translation>
    </message>
    <message>
        <source>&amp;Archive the participant</source>
        <translation>&amp;Arkivér deltageren</translation>
    </message>
    <message>
        <source>&amp;Write handover file</source>
        <translation>Skriv &amp;overdragelsesfil</translation>
    </message>
    <message>
        <source>Save the handover file</source>
        <translation>Gem overdragelsesfilen</translation>
    </message>
    <message>
        <source>Encrypted handover files (*.age)</source>
        <translation>Krypterede overdragelsesfiler (*.age)</translation>
    </message>
    <message>
        <source>handover</source>
        <translation>overdragelse</translation>
    </message>
    <message>
        <source>Choose where to save the handover file first.</source>
        <translation>Vælg først, hvor overdragelsesfilen skal gemmes.</translation>
    </message>
    <message>
        <source>A file with that name exists already. Choose another name.</source>
        <translation>Der findes allerede en fil med det navn. Vælg et andet navn.</translation>
    </message>
    <message>
        <source>Paste or type the receiving coach&apos;s key first.</source>
        <translation>Indsæt eller skriv først den modtagende coachs nøgle.</translation>
    </message>
    <message numerus="yes">
        <source>The handover passphrase must have at least %n characters; a few random words are best.</source>
        <translation>
            <numerusform>Adgangssætningen til overdragelsen skal have mindst %n tegn; nogle få tilfældige ord er bedst.</numerusform>
            <numerusform>Adgangssætningen til overdragelsen skal have mindst %n tegn; nogle få tilfældige ord er bedst.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De to adgangssætninger er ikke ens.</translation>
    </message>
    <message>
        <source>The handover file is written and the disclosure is recorded (SHA-256 %1…).</source>
        <translation>Overdragelsesfilen er skrevet, og videregivelsen er noteret (SHA-256 %1…).</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Arkiveret</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>CoachDesk help</source>
        <translation>Hjælp til CoachDesk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;CoachDesk&lt;/h2&gt;&lt;p&gt;Your caseload for the 12-week course, encrypted on this computer.&lt;/p&gt;&lt;h3&gt;Keyboard&lt;/h3&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New participant&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Search the caseload by name or ref&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Open the selected participant&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Save the session, job plan or outcome&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lock CoachDesk now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+letter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Jump to the field or tab with that underlined letter&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;This help&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h3&gt;Safety&lt;/h3&gt;&lt;p&gt;CoachDesk locks itself after a few idle minutes (Settings). Text you were typing is kept as an encrypted draft and offered back when you open the session again. CoachDesk never connects to the internet.&lt;/p&gt;&lt;h3&gt;The course&lt;/h3&gt;&lt;p&gt;Week 1: screening PSS-10 and intake. Weeks 1-4: group phase. Weeks 5-12: up to 8 individual conversations. Week 12: final PSS-10, outcome and the report to the municipality.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;CoachDesk&lt;/h2&gt;&lt;p&gt;Dine deltagere i det 12 uger lange forløb, krypteret på denne computer.&lt;/p&gt;&lt;h3&gt;Tastatur&lt;/h3&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Ny deltager&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Søg blandt deltagerne på navn eller ref.&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Åbn den valgte deltager&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Gem samtalen, jobplanen eller resultatet&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lås CoachDesk nu&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+bogstav&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Gå til feltet eller fanen med det understregede bogstav&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Denne hjælp&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h3&gt;Sikkerhed&lt;/h3&gt;&lt;p&gt;CoachDesk låser sig selv efter nogle minutter uden aktivitet (Indstillinger). Tekst, du var i gang med at skrive, gemmes som en krypteret kladde og tilbydes igen, når du åbner samtalen. CoachDesk går aldrig på internettet.&lt;/p&gt;&lt;h3&gt;Forløbet&lt;/h3&gt;&lt;p&gt;Uge 1: screening med PSS-10 og indledende samtale. Uge 1-4: gruppeforløb. Uge 5-12: op til 8 individuelle samtaler. Uge 12: PSS-10-slutmåling, resultat og rapporten til kommunen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Participant %1</source>
        <translation>Deltager %1</translation>
    </message>
    <message>
        <source>Import participant file</source>
        <translation>Importér deltagerfil</translation>
    </message>
    <message>
        <source>Participant file</source>
        <translation>Deltagerfil</translation>
    </message>
    <message>
        <source>A participant file (.json) or a handover file (.age)</source>
        <translation>En deltagerfil (.json) eller en overdragelsesfil (.age)</translation>
    </message>
    <message>
        <source>Participant and handover files (*.json *.age)</source>
        <translation>Deltager- og overdragelsesfiler (*.json *.age)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Vælg…</translation>
    </message>
    <message>
        <source>&amp;Replace participants who are already in the vault (same ref)</source>
        <translation>&amp;Erstat deltagere, der allerede er i boksen (samme ref.)</translation>
    </message>
    <message>
        <source>Handover passphrase</source>
        <translation>Adgangssætning til overdragelsen</translation>
    </message>
    <message>
        <source>Handover &amp;passphrase:</source>
        <translation>&amp;Adgangssætning til overdragelsen:</translation>
    </message>
    <message>
        <source>The whole file is checked first. If anything in it is wrong, nothing is imported and the problems are listed here.</source>
        <translation>Hele filen kontrolleres først. Er noget i den forkert, importeres intet, og problemerne vises her.</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Problemer i filen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importér</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>Choose a participant file</source>
        <translation>Vælg en deltagerfil</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <source>Choose a participant file first.</source>
        <translation>Vælg først en deltagerfil.</translation>
    </message>
    <message>
        <source>The file could not be read. Check the name and that you may open it.</source>
        <translation>Filen kunne ikke læses. Kontrollér navnet, og at du må åbne den.</translation>
    </message>
    <message>
        <source>This handover file is protected with a passphrase. Type the passphrase the sender told you, then press Import.</source>
        <translation>Overdragelsesfilen er beskyttet med en adgangssætning. Skriv den adgangssætning, afsenderen har givet dig, og tryk Importér.</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 replaced.</source>
        <translation>Importeret: %1 nye, %2 erstattet.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n problem(s) in the file.</source>
        <translation>
            <numerusform>Intet blev importeret: %n problem i filen.</numerusform>
            <numerusform>Intet blev importeret: %n problemer i filen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstrumentChart</name>
    <message>
        <source>Before/after: needs a scored screening and a scored final questionnaire.</source>
        <translation>Før/efter: kræver en scoret screening og et scoret slutskema.</translation>
    </message>
    <message>
        <source>meaningful improvement</source>
        <translation>betydende forbedring</translation>
    </message>
    <message>
        <source>meaningful worsening</source>
        <translation>betydende forværring</translation>
    </message>
    <message>
        <source>no meaningful change</source>
        <translation>ingen betydende ændring</translation>
    </message>
    <message>
        <source>no published rule for a meaningful change</source>
        <translation>ingen publiceret regel for betydende ændring</translation>
    </message>
    <message>
        <source>Before %1, after %2, change %3: %4</source>
        <translation>Før %1, efter %2, ændring %3: %4</translation>
    </message>
    <message>
        <source>Chart of %1</source>
        <translation>Graf over %1</translation>
    </message>
    <message>
        <source>No questionnaires yet.</source>
        <translation>Ingen skemaer endnu.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Spørgsmål</translation>
    </message>
</context>
<context>
    <name>InstrumentForm</name>
    <message>
        <source>Edit %1</source>
        <translation>Rediger %1</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Nyt %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>⚠ This wording has not been verified against the published questionnaire; see the instrument&apos;s documentation before using it with participants.</source>
        <translation>⚠ Denne ordlyd er ikke kontrolleret mod det publicerede spørgeskema; se skemaets dokumentation, før det bruges med deltagere.</translation>
    </message>
    <message>
        <source>Type %1-%2 for each item; Up/Down or Backspace go back, Delete clears, Ctrl+S saves.</source>
        <translation>Tast %1-%2 for hvert spørgsmål; Op/Ned eller Backspace går tilbage, Delete rydder, Ctrl+S gemmer.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>%1: none</source>
        <translation>%1: ingen</translation>
    </message>
    <message>
        <source>%1 of %2 answered.</source>
        <translation>%1 af %2 besvaret.</translation>
    </message>
    <message>
        <source>* A missing answer is prorated by the questionnaire&apos;s missing-item rule.</source>
        <translation>* Et manglende svar opregnes efter skemaets regel for manglende svar.</translation>
    </message>
    <message>
        <source>1 answer is missing</source>
        <translation>1 svar mangler</translation>
    </message>
    <message>
        <source>%1 answers are missing</source>
        <translation>%1 svar mangler</translation>
    </message>
    <message>
        <source>: the score will be prorated</source>
        <translation>: scoren bliver opregnet</translation>
    </message>
    <message>
        <source>: there will be no score</source>
        <translation>: der bliver ingen score</translation>
    </message>
    <message>
        <source>Press Save again (Ctrl+S) to save anyway.</source>
        <translation>Tryk Gem igen (Ctrl+S) for at gemme alligevel.</translation>
    </message>
    <message>
        <source>Too many answers are missing for a score under this questionnaire&apos;s missing-item rule.</source>
        <translation>Der mangler for mange svar til en score efter skemaets regel for manglende svar.</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>Datoen ligger i fremtiden.</translation>
    </message>
    <message>
        <source>The date is before the participant&apos;s referral date.</source>
        <translation>Datoen ligger før deltagerens henvisningsdato.</translation>
    </message>
    <message>
        <source>A final questionnaire cannot be dated before the first screening.</source>
        <translation>En slutmåling kan ikke dateres før den første screening.</translation>
    </message>
    <message>
        <source>This screening would come after the participant&apos;s final questionnaire.</source>
        <translation>Denne screening ville ligge efter deltagerens slutmåling.</translation>
    </message>
    <message>
        <source>Every answer must be %1-%2 or empty.</source>
        <translation>Hvert svar skal være %1-%2 eller tomt.</translation>
    </message>
    <message>
        <source>Choose screening, final or follow-up.</source>
        <translation>Vælg screening, slutmåling eller opfølgning.</translation>
    </message>
    <message>
        <source>The date is not valid.</source>
        <translation>Datoen er ikke gyldig.</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Gem alligevel</translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation>Ikke gemt: </translation>
    </message>
</context>
<context>
    <name>InstrumentGrid</name>
    <message>
        <source>Answers: type %1-%2 for each item</source>
        <translation>Svar: tast %1-%2 for hvert spørgsmål</translation>
    </message>
</context>
<context>
    <name>InstrumentsTab</name>
    <message>
        <source>Questionnaire</source>
        <translation>Spørgeskema</translation>
    </message>
    <message>
        <source>&amp;New questionnaire…</source>
        <translation>&amp;Nyt skema…</translation>
    </message>
    <message>
        <source>Questionnaire:</source>
        <translation>Spørgeskema:</translation>
    </message>
    <message>
        <source>Answers item by item</source>
        <translation>Svar spørgsmål for spørgsmål</translation>
    </message>
</context>
<context>
    <name>JobPlanDiffDialog</name>
    <message>
        <source>Compare job plan versions</source>
        <translation>Sammenlign versioner af jobplanen</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Version %1 af %2</translation>
    </message>
    <message>
        <source>Older version</source>
        <translation>Ældre version</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>Nyere version</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Ændringer</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s).</source>
        <translation>
            <numerusform>%n ændring.</numerusform>
            <numerusform>%n ændringer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two versions are the same.</source>
        <translation>De to versioner er ens.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Værdi</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Retning</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Accommodation need</source>
        <translation>Skånebehov</translation>
    </message>
    <message>
        <source>Hours per week now</source>
        <translation>Timer pr. uge nu</translation>
    </message>
    <message>
        <source>Target hours per week</source>
        <translation>Mål for timer pr. uge</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Trin</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>frist %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>til %1</translation>
    </message>
    <message>
        <source>from %1: %2 hours</source>
        <translation>fra %1: %2 timer</translation>
    </message>
    <message>
        <source>%1 added: %2</source>
        <translation>%1 tilføjet: %2</translation>
    </message>
    <message>
        <source>%1 removed: %2</source>
        <translation>%1 fjernet: %2</translation>
    </message>
    <message>
        <source>%1 changed: %2 → %3</source>
        <translation>%1 ændret: %2 → %3</translation>
    </message>
</context>
<context>
    <name>JobPlanEditor</name>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>&amp;Compare versions…</source>
        <translation>Sa&amp;mmenlign versioner…</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Værdier</translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation>Tilføj en værdi</translation>
    </message>
    <message>
        <source>Pick or type a value…</source>
        <translation>Vælg eller skriv en værdi…</translation>
    </message>
    <message>
        <source>Add &amp;value</source>
        <translation>Tilføj &amp;værdi</translation>
    </message>
    <message>
        <source>Remove value</source>
        <translation>Fjern værdi</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Retning</translation>
    </message>
    <message>
        <source>The kind of work and working life the participant is aiming for</source>
        <translation>Den slags arbejde og arbejdsliv, deltageren sigter mod</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>A small, concrete step</source>
        <translation>Et lille, konkret skridt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add &amp;goal</source>
        <translation>Tilføj må&amp;l</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Describe the function, not the diagnosis</source>
        <translation>Beskriv funktionen, ikke diagnosen</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Indtil</translation>
    </message>
    <message>
        <source>Add &amp;need</source>
        <translation>Tilføj &amp;behov</translation>
    </message>
    <message>
        <source>Hours per week now</source>
        <translation>Timer pr. uge nu</translation>
    </message>
    <message>
        <source>Target hours per week</source>
        <translation>Mål for timer pr. uge</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Timer pr. uge</translation>
    </message>
    <message>
        <source>Add &amp;step</source>
        <translation>Tilføj &amp;trin</translation>
    </message>
    <message>
        <source>Step plan</source>
        <translation>Optrapningsplan</translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation>&amp;Gem som ny version</translation>
    </message>
    <message>
        <source>Ve&amp;rsions:</source>
        <translation>Ve&amp;rsioner:</translation>
    </message>
    <message>
        <source>Realistic goals</source>
        <translation>Realistiske mål</translation>
    </message>
    <message>
        <source>Step plan (the municipality approves each step):</source>
        <translation>Optrapningsplan (kommunen godkender hvert trin):</translation>
    </message>
    <message>
        <source>Nothing was changed, so no new version was made.</source>
        <translation>Intet er ændret, så der er ikke lavet en ny version.</translation>
    </message>
    <message>
        <source>Accommodation needs</source>
        <translation>Skånebehov</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Hours per week &amp;now:</source>
        <translation>Timer pr. uge &amp;nu:</translation>
    </message>
    <message>
        <source>&amp;Target hours per week:</source>
        <translation>&amp;Mål for timer pr. uge:</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Version %1 af %2</translation>
    </message>
    <message>
        <source>No plan saved yet</source>
        <translation>Ingen plan gemt endnu</translation>
    </message>
    <message>
        <source>An earlier version, shown read-only.</source>
        <translation>En tidligere version, vist skrivebeskyttet.</translation>
    </message>
    <message>
        <source>Unsaved changes restored from a draft</source>
        <translation>Ikke-gemte ændringer er hentet fra en kladde</translation>
    </message>
    <message>
        <source>Saved as a new version.</source>
        <translation>Gemt som ny version.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Referred</source>
        <translation>Henvist</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>Screenet</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Ikke optaget</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Optaget</translation>
    </message>
    <message>
        <source>Group phase</source>
        <translation>Gruppeforløb</translation>
    </message>
    <message>
        <source>Individual phase</source>
        <translation>Individuelt forløb</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Gennemført</translation>
    </message>
    <message>
        <source>Dropped out</source>
        <translation>Afbrudt</translation>
    </message>
    <message>
        <source>Psychoeducation – knowledge about stress</source>
        <translation>Psykoedukation – viden om stress</translation>
    </message>
    <message>
        <source>Practical exercises – breathing, mindfulness, body techniques</source>
        <translation>Praktiske øvelser – åndedræt, mindfulness, kropslige teknikker</translation>
    </message>
    <message>
        <source>Metacognitive tools – managing thoughts, sleep strategies</source>
        <translation>Metakognitive redskaber – tankehåndtering og søvnstrategier</translation>
    </message>
    <message>
        <source>Setting boundaries and managing time</source>
        <translation>Grænsesætning og tidsstyring</translation>
    </message>
    <message>
        <source>Clarity and goals – realistic goals</source>
        <translation>Klarhed og mål – realistiske mål</translation>
    </message>
    <message>
        <source>The good working life – value-based job plan and accommodation needs</source>
        <translation>Det gode arbejdsliv – værdibaseret jobplan og skånebehov</translation>
    </message>
    <message>
        <source>Community – support and mirroring in the group</source>
        <translation>Fællesskab – støtte og spejling i gruppen</translation>
    </message>
    <message>
        <source>Personal support – individual conversations</source>
        <translation>Personlig støtte – individuelle samtaler</translation>
    </message>
    <message>
        <source>Digital tools (e.g. Jobuniverset)</source>
        <translation>Digitale værktøjer (fx Jobuniverset)</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Personligt møde</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Afholdt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Aflyst</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Udeblevet</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Working hours (incl. gradual return)</source>
        <translation>Arbejdstid (herunder gradvis tilbagevenden)</translation>
    </message>
    <message>
        <source>Tasks to avoid</source>
        <translation>Opgaver der skal undgås</translation>
    </message>
    <message>
        <source>Work environment</source>
        <translation>Arbejdsmiljø</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>Pauser</translation>
    </message>
    <message>
        <source>Flexibility</source>
        <translation>Fleksibilitet</translation>
    </message>
    <message>
        <source>Remote work</source>
        <translation>Hjemmearbejde</translation>
    </message>
    <message>
        <source>Social and relational load</source>
        <translation>Social og relationel belastning</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Nået</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Droppet</translation>
    </message>
    <message>
        <source>Back at work full time</source>
        <translation>I arbejde på fuld tid</translation>
    </message>
    <message>
        <source>Back at work part time</source>
        <translation>I arbejde på deltid</translation>
    </message>
    <message>
        <source>Still on sick leave</source>
        <translation>Fortsat sygemeldt</translation>
    </message>
    <message>
        <source>Job-seeking</source>
        <translation>Jobsøgende</translation>
    </message>
    <message>
        <source>In education</source>
        <translation>Under uddannelse</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energi</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Søvn</translation>
    </message>
    <message>
        <source>Overall wellbeing</source>
        <translation>Trivsel generelt</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>ikke startet</translation>
    </message>
    <message>
        <source>course ended</source>
        <translation>forløbet er slut</translation>
    </message>
    <message>
        <source>week %1 of %2</source>
        <translation>uge %1 af %2</translation>
    </message>
    <message>
        <source>screening PSS-10 due</source>
        <translation>PSS-10-screening mangler</translation>
    </message>
    <message>
        <source>final PSS-10 due</source>
        <translation>PSS-10-slutmåling mangler</translation>
    </message>
    <message>
        <source>session %1 of %2</source>
        <translation>samtale %1 af %2</translation>
    </message>
    <message>
        <source>outcome due</source>
        <translation>resultat mangler</translation>
    </message>
    <message>
        <source>report due</source>
        <translation>rapport mangler</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(forsinket)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CoachDesk</source>
        <translation>CoachDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;New participant…</source>
        <translation>&amp;Ny deltager…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>&amp;Import participant file…</source>
        <translation>&amp;Importér deltagerfil…</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;Sikkerhedskopi…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Aktivitetslog…</translation>
    </message>
    <message>
        <source>Cohort effect re&amp;port…</source>
        <translation>&amp;Effektrapport…</translation>
    </message>
    <message>
        <source>Due for &amp;erasure…</source>
        <translation>Klar til &amp;sletning…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Skift adgangs&amp;sætning…</translation>
    </message>
    <message>
        <source>New &amp;recovery code…</source>
        <translation>Ny &amp;gendannelseskode…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fslut</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;Find participant</source>
        <translation>&amp;Søg efter deltager</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Caseload</source>
        <translation>&amp;Deltagere</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Kalender</translation>
    </message>
    <message>
        <source>Group &amp;roster…</source>
        <translation>&amp;Holdliste…</translation>
    </message>
    <message>
        <source>&amp;Export calendar (.ics)…</source>
        <translation>&amp;Eksportér kalender (.ics)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>CoachDesk &amp;help</source>
        <translation>&amp;Hjælp til CoachDesk</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>Adgangssætningen er skiftet.</translation>
    </message>
    <message>
        <source>A new recovery code was made.</source>
        <translation>Der blev lavet en ny gendannelseskode.</translation>
    </message>
    <message>
        <source>There is no backup of this vault yet. Choose a backup folder (an external drive or a network folder) and make one now.</source>
        <translation>Der er endnu ingen sikkerhedskopi af boksen. Vælg en mappe til sikkerhedskopier (et eksternt drev eller en netværksmappe), og tag en kopi nu.</translation>
    </message>
    <message numerus="yes">
        <source>The last backup is %n day(s) old. Make a backup now, so that a lost or broken laptop does not lose your records.</source>
        <translation>
            <numerusform>Den seneste sikkerhedskopi er %n dag gammel. Tag en ny nu, så en bortkommen eller ødelagt computer ikke koster dine journaler.</numerusform>
            <numerusform>Den seneste sikkerhedskopi er %n dage gammel. Tag en ny nu, så en bortkommen eller ødelagt computer ikke koster dine journaler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic backup failed</source>
        <translation>Den automatiske sikkerhedskopi mislykkedes</translation>
    </message>
    <message>
        <source>The automatic backup could not be made: %1</source>
        <translation>Den automatiske sikkerhedskopi kunne ikke laves: %1</translation>
    </message>
</context>
<context>
    <name>OutcomeView</name>
    <message>
        <source>Not recorded yet</source>
        <translation>Ikke registreret endnu</translation>
    </message>
    <message>
        <source>Your summary and recommendation for the caseworker. It appears in the report as written.</source>
        <translation>Din opsummering og anbefaling til sagsbehandleren. Den kommer med i rapporten, præcis som du skriver den.</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>St&amp;atus</translation>
    </message>
    <message>
        <source>Outcome at the end</source>
        <translation>Resultat ved forløbets afslutning (udslusning)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>Res&amp;ultat</translation>
    </message>
    <message>
        <source>&amp;Hours per week</source>
        <translation>T&amp;imer pr. uge</translation>
    </message>
    <message>
        <source>Outcome &amp;date</source>
        <translation>Resultatets &amp;dato</translation>
    </message>
    <message>
        <source>Drop-out</source>
        <translation>Afbrudt forløb</translation>
    </message>
    <message>
        <source>Dropped out &amp;on</source>
        <translation>Afbrudt de&amp;n</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>Årsa&amp;g</translation>
    </message>
    <message>
        <source>Report summary</source>
        <translation>Opsummering til rapporten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>&amp;Eksportér rapport…</translation>
    </message>
    <message>
        <source>Unsaved changes restored from a draft</source>
        <translation>Ikke-gemte ændringer er hentet fra en kladde</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>New participant</source>
        <translation>Ny deltager</translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation>Rediger deltager</translation>
    </message>
    <message>
        <source>e.g. the municipality&apos;s case number</source>
        <translation>fx kommunens sagsnummer</translation>
    </message>
    <message>
        <source>The course</source>
        <translation>Forløbet</translation>
    </message>
    <message>
        <source>Reports to the municipality</source>
        <translation>Rapportering til kommunen</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Ref</source>
        <translation>&amp;Ref.</translation>
    </message>
    <message>
        <source>&amp;CPR</source>
        <translation>&amp;CPR</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Caseworker at the municipality</source>
        <translation>Sagsbehandler i kommunen</translation>
    </message>
    <message>
        <source>Case&amp;worker</source>
        <translation>Sags&amp;behandler</translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation>&amp;Kommune</translation>
    </message>
    <message>
        <source>Caseworker e-&amp;mail</source>
        <translation>Sagsbehandlerens e-&amp;mail</translation>
    </message>
    <message>
        <source>Case re&amp;ference</source>
        <translation>Sagsn&amp;ummer</translation>
    </message>
    <message>
        <source>Course and consent</source>
        <translation>Forløb og samtykke</translation>
    </message>
    <message>
        <source>Re&amp;ferral date</source>
        <translation>&amp;Henvist den</translation>
    </message>
    <message>
        <source>Course &amp;start</source>
        <translation>Forløbet &amp;starter</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>St&amp;atus</translation>
    </message>
    <message>
        <source>Consent &amp;given on</source>
        <translation>Samtykke &amp;givet den</translation>
    </message>
    <message>
        <source>Consent covers</source>
        <translation>Samtykket dækker</translation>
    </message>
    <message>
        <source>Consent &amp;withdrawn on</source>
        <translation>Samtykke trukket tilbage &amp;den</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>Felter markeret med * skal udfyldes.</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Ret venligst de markerede felter.</translation>
    </message>
</context>
<context>
    <name>ParticipantPage</name>
    <message>
        <source>Change status</source>
        <translation>Skift status</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>Det skal gøres</translation>
    </message>
    <message>
        <source>Course and caseworker</source>
        <translation>Forløb og sagsbehandler</translation>
    </message>
    <message>
        <source>◆ PSS-10 done  ◇ final PSS-10 due  ● present  ○ absent  ■ session held  ✕ cancelled or no-show  ⬚ next appointment</source>
        <translation>◆ PSS-10 udfyldt  ◇ PSS-10-slutmåling mangler  ● til stede  ○ fraværende  ■ samtale afholdt  ✕ aflyst eller udeblevet  ⬚ næste aftale</translation>
    </message>
    <message>
        <source>Group attendance</source>
        <translation>Fremmøde i gruppen</translation>
    </message>
    <message>
        <source>Group session date</source>
        <translation>Dato for gruppesession</translation>
    </message>
    <message>
        <source>P&amp;resent</source>
        <translation>Til st&amp;ede</translation>
    </message>
    <message>
        <source>A&amp;bsent</source>
        <translation>Fra&amp;værende</translation>
    </message>
    <message>
        <source>Group attendance marks</source>
        <translation>Registreret fremmøde</translation>
    </message>
    <message>
        <source>Delete mark</source>
        <translation>Slet fremmøde</translation>
    </message>
    <message>
        <source>Delete the selected mark (Delete key); Ctrl+Z puts it back</source>
        <translation>Slet det valgte fremmøde (Delete-tasten); Ctrl+Z fortryder</translation>
    </message>
    <message>
        <source>Course start</source>
        <translation>Forløbets start</translation>
    </message>
    <message>
        <source>Course end</source>
        <translation>Forløbets afslutning</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Sagsnummer</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>arkiveret</translation>
    </message>
    <message>
        <source>Consent WITHDRAWN on %1: do not report to the municipality.</source>
        <translation>Samtykket er TRUKKET TILBAGE den %1: der må ikke rapporteres til kommunen.</translation>
    </message>
    <message>
        <source>Consent given on %1.</source>
        <translation>Samtykke givet den %1.</translation>
    </message>
    <message>
        <source>No consent recorded.</source>
        <translation>Intet samtykke registreret.</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Hent fra arkiv</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arkivér</translation>
    </message>
    <message>
        <source>Edit &amp;details…</source>
        <translation>Rediger opl&amp;ysninger…</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Slet…</translation>
    </message>
    <message>
        <source>Hand o&amp;ver to another coach…</source>
        <translation>Overdrag til anden &amp;coach…</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Overblik</translation>
    </message>
    <message>
        <source>&amp;PSS-10</source>
        <translation>&amp;PSS-10</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>&amp;Samtaler</translation>
    </message>
    <message>
        <source>&amp;Job plan</source>
        <translation>&amp;Jobplan</translation>
    </message>
    <message>
        <source>Report f&amp;ields</source>
        <translation>Rapportfe&amp;lter</translation>
    </message>
    <message>
        <source>O&amp;utcome &amp;&amp; report</source>
        <translation>Resultat &amp;&amp; rappor&amp;t</translation>
    </message>
    <message>
        <source>&amp;Questionnaires</source>
        <translation>Spørges&amp;kemaer</translation>
    </message>
    <message>
        <source>The final PSS-10 and the outcome are recorded: mark the course as completed?</source>
        <translation>Afsluttende PSS-10 og resultat er registreret: markér forløbet som gennemført?</translation>
    </message>
    <message>
        <source>The course is in week %1: change the status to %2?</source>
        <translation>Forløbet er i uge %1: skift status til %2?</translation>
    </message>
    <message>
        <source>screening</source>
        <translation>screening</translation>
    </message>
    <message>
        <source>week 4</source>
        <translation>uge 4</translation>
    </message>
    <message>
        <source>week 12</source>
        <translation>uge 12</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>opfølgning</translation>
    </message>
    <message>
        <source>%1 (%2) overdue</source>
        <translation>%1 (%2) er overskredet</translation>
    </message>
    <message>
        <source>%1 (%2) due</source>
        <translation>%1 (%2) skal udfyldes</translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation>Intet udestående.</translation>
    </message>
    <message>
        <source>Present at %1 of %2 marked group sessions.</source>
        <translation>Til stede ved %1 af %2 registrerede gruppesessioner.</translation>
    </message>
    <message numerus="yes">
        <source>%n mark(s) not counted: confirm or correct them.</source>
        <translation>
            <numerusform>%n registrering tælles ikke med: bekræft eller ret den.</numerusform>
            <numerusform>%n registreringer tælles ikke med: bekræft eller ret dem.</numerusform>
        </translation>
    </message>
    <message>
        <source>present</source>
        <translation>til stede</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>fraværende</translation>
    </message>
    <message>
        <source>notice of absence</source>
        <translation>afbud</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>tælles ikke med</translation>
    </message>
    <message>
        <source>The mark of %1 was deleted.</source>
        <translation>Fremmødet den %1 er slettet.</translation>
    </message>
    <message>
        <source>That day has been marked again since, so the deleted mark was not put back.</source>
        <translation>Den dag er registreret igen siden, så det slettede fremmøde er ikke lagt tilbage.</translation>
    </message>
    <message>
        <source>job plan</source>
        <translation>Jobplanen</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>Resultatet</translation>
    </message>
    <message>
        <source>report fields</source>
        <translation>rapportfelterne</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ændringer er ikke gemt</translation>
    </message>
    <message>
        <source>The %1 has unsaved changes. Save them?</source>
        <translation>%1 har ændringer, der ikke er gemt. Vil du gemme dem?</translation>
    </message>
</context>
<context>
    <name>PassphraseHint</name>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>For kort: mindst %1 tegn.</translation>
    </message>
    <message>
        <source>Strength: weak. Add a word or two.</source>
        <translation>Styrke: svag. Tilføj et ord eller to.</translation>
    </message>
    <message>
        <source>Strength: fair.</source>
        <translation>Styrke: rimelig.</translation>
    </message>
    <message>
        <source>Strength: strong.</source>
        <translation>Styrke: stærk.</translation>
    </message>
</context>
<context>
    <name>Pss10Chart</name>
    <message>
        <source>Screening</source>
        <translation>Screening</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Slutmåling</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>low</source>
        <translation>lav</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderat</translation>
    </message>
    <message>
        <source>high</source>
        <translation>høj</translation>
    </message>
    <message>
        <source>Admission threshold %1</source>
        <translation>Optagelsesgrænse %1</translation>
    </message>
    <message>
        <source>National high stress %1+</source>
        <translation>Højt stressniveau (Sundhedsprofilen) %1+</translation>
    </message>
    <message>
        <source>No PSS-10 questionnaires yet</source>
        <translation>Ingen PSS-10-skemaer endnu</translation>
    </message>
    <message>
        <source>The change shows once there is a screening and a final with a total.</source>
        <translation>Ændringen vises, når der er både en screening og en slutmåling med samlet score.</translation>
    </message>
    <message>
        <source>Before %1 (%2), after %3 (%4): %5 points</source>
        <translation>Før %1 (%2), efter %3 (%4): %5 point</translation>
    </message>
    <message>
        <source>Reliable improvement</source>
        <translation>Pålidelig forbedring</translation>
    </message>
    <message>
        <source>No reliable change</source>
        <translation>Ingen pålidelig ændring</translation>
    </message>
    <message>
        <source>Reliable worsening</source>
        <translation>Pålidelig forværring</translation>
    </message>
    <message>
        <source>a change of %1 points or more is reliable (SD %2, r %3)</source>
        <translation>en ændring på %1 point eller mere er pålidelig (SD %2, r %3)</translation>
    </message>
    <message>
        <source>Clinically important improvement (a decrease of %1 points or more)</source>
        <translation>Klinisk betydningsfuld forbedring (et fald på %1 point eller mere)</translation>
    </message>
    <message>
        <source>Not a clinically important improvement (that needs a decrease of %1 points)</source>
        <translation>Ikke en klinisk betydningsfuld forbedring (det kræver et fald på %1 point)</translation>
    </message>
    <message numerus="yes">
        <source>%n questionnaire(s) without a total (2 or more answers missing) not shown.</source>
        <translation>
            <numerusform>%n skema uden samlet score (2 eller flere svar mangler) vises ikke.</numerusform>
            <numerusform>%n skemaer uden samlet score (2 eller flere svar mangler) vises ikke.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pss10ChartView</name>
    <message>
        <source>PSS-10 chart</source>
        <translation>PSS-10-diagram</translation>
    </message>
    <message>
        <source>Total score (0–40)</source>
        <translation>Samlet score (0–40)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>hollow marker: 1 answer missing, total prorated</source>
        <translation>åben markør: 1 svar mangler, scoren er opregnet</translation>
    </message>
    <message>
        <source>Item by item (0 = least stress, 4 = most); R = reversed item</source>
        <translation>Spørgsmål for spørgsmål (0 = mindst stress, 4 = mest); O = omvendt spørgsmål</translation>
    </message>
    <message>
        <source>R</source>
        <translation>O</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Før</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
</context>
<context>
    <name>Pss10Form</name>
    <message>
        <source>✔ Admission threshold (%1) met: %2 ≥ %1</source>
        <translation>✔ Optagelsesgrænsen (%1) er nået: %2 ≥ %1</translation>
    </message>
    <message>
        <source>✘ Admission threshold (%1) not met: %2 &lt; %1</source>
        <translation>✘ Optagelsesgrænsen (%1) er ikke nået: %2 &lt; %1</translation>
    </message>
    <message>
        <source>Admission threshold (%1): no total yet</source>
        <translation>Optagelsesgrænse (%1): ingen samlet score endnu</translation>
    </message>
</context>
<context>
    <name>Pss10Tab</name>
    <message>
        <source>PSS-10 questionnaires</source>
        <translation>PSS-10-skemaer</translation>
    </message>
    <message>
        <source>&amp;New questionnaire…</source>
        <translation>&amp;Nyt skema…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Rediger…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>S&amp;let</translation>
    </message>
    <message>
        <source>Delete the selected questionnaire (Delete key); Ctrl+Z puts it back</source>
        <translation>Slet det valgte skema (Delete-tasten); Ctrl+Z fortryder</translation>
    </message>
    <message>
        <source>The PSS-10 of %1 was deleted.</source>
        <translation>PSS-10 fra %1 er slettet.</translation>
    </message>
    <message>
        <source>&amp;Item by item</source>
        <translation>Spørgsmål &amp;for spørgsmål</translation>
    </message>
</context>
<context>
    <name>RecipientBox</name>
    <message>
        <source>My receiving key</source>
        <translation>Min modtagernøgle</translation>
    </message>
    <message>
        <source>Other coaches encrypt a participant they hand over to you with this key. It is not secret: give it by e-mail, chat or phone.</source>
        <translation>Andre coaches krypterer en deltager, de overdrager til dig, med denne nøgle. Den er ikke hemmelig: giv den videre på e-mail, chat eller telefon.</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>K&amp;opiér</translation>
    </message>
    <message>
        <source>To read aloud, in groups of four:</source>
        <translation>Til at læse op, i grupper af fire:</translation>
    </message>
    <message>
        <source>My receiving key in groups of four</source>
        <translation>Min modtagernøgle i grupper af fire</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopieret</translation>
    </message>
</context>
<context>
    <name>ReportFieldsEditor</name>
    <message>
        <source>What the participant can do at work today, described by function (hours, tasks, pace), never by diagnosis.</source>
        <translation>Hvad deltageren kan på arbejdet i dag, beskrevet ud fra funktion (timer, opgaver, tempo), aldrig ud fra diagnose.</translation>
    </message>
    <message>
        <source>Strengths and support the participant has.</source>
        <translation>Styrker og støtte, deltageren har.</translation>
    </message>
    <message>
        <source>What still makes work hard.</source>
        <translation>Hvad der stadig gør arbejdet svært.</translation>
    </message>
    <message>
        <source>The change since the start, in your words. The report adds the PSS-10 change.</source>
        <translation>Udviklingen siden start, med dine ord. Rapporten tilføjer ændringen i PSS-10.</translation>
    </message>
    <message>
        <source>Your recommendation and the next steps.</source>
        <translation>Din anbefaling og de næste skridt.</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Ikke angivet</translation>
    </message>
    <message>
        <source>Full return</source>
        <translation>Fuld raskmelding</translation>
    </message>
    <message>
        <source>Partial return (delvis raskmelding)</source>
        <translation>Delvis raskmelding</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Timer pr. uge</translation>
    </message>
    <message>
        <source>Step plan, week by week</source>
        <translation>Optrapning uge for uge</translation>
    </message>
    <message>
        <source>&amp;Add week</source>
        <translation>&amp;Tilføj uge</translation>
    </message>
    <message>
        <source>Remo&amp;ve week</source>
        <translation>F&amp;jern uge</translation>
    </message>
    <message>
        <source>Work capacity today</source>
        <translation>Muligheder for arbejde (arbejdsevne) i dag</translation>
    </message>
    <message>
        <source>Hours and gradual return</source>
        <translation>Timetal og optrapning</translation>
    </message>
    <message>
        <source>&amp;Normal hours per week</source>
        <translation>&amp;Normal arbejdstid pr. uge</translation>
    </message>
    <message>
        <source>Hours per week &amp;now</source>
        <translation>Timer pr. uge &amp;nu</translation>
    </message>
    <message>
        <source>Expected &amp;return</source>
        <translation>&amp;Forventet tilbagevenden</translation>
    </message>
    <message>
        <source>Return &amp;date</source>
        <translation>&amp;Dato for tilbagevenden</translation>
    </message>
    <message>
        <source>Step plan, week by week (week 1 is the first week of the plan):</source>
        <translation>Optrapning uge for uge (uge 1 er planens første uge):</translation>
    </message>
    <message>
        <source>Resources and challenges</source>
        <translation>Ressourcer og udfordringer</translation>
    </message>
    <message>
        <source>Re&amp;sources</source>
        <translation>&amp;Ressourcer</translation>
    </message>
    <message>
        <source>C&amp;hallenges</source>
        <translation>&amp;Udfordringer</translation>
    </message>
    <message>
        <source>Progress since the start</source>
        <translation>Progression siden start</translation>
    </message>
    <message>
        <source>Recommendation / next steps</source>
        <translation>Anbefaling / næste skridt</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Week %1 leaves less than 4 hours of absence a week: a partial return (delvis raskmelding) needs at least 4.</source>
        <translation>Uge %1 giver mindre end 4 timers fravær om ugen: delvis raskmelding kræver mindst 4.</translation>
    </message>
    <message>
        <source>Unsaved changes restored from a draft</source>
        <translation>Ikke-gemte ændringer er hentet fra en kladde</translation>
    </message>
    <message>
        <source>Check the step plan: each row needs a week from 1 to 52 and hours from 0 to 80, and a week can have only one row.</source>
        <translation>Tjek optrapningsplanen: hver række skal have en uge fra 1 til 52 og timer fra 0 til 80, og en uge kan kun have én række.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
</context>
<context>
    <name>ReportLanguage</name>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Gendan en sikkerhedskopi</translation>
    </message>
    <message>
        <source>A backup is restored into an empty folder, so that nothing is overwritten. It opens with the passphrase or the recovery code that was in force when the backup was made.</source>
        <translation>En sikkerhedskopi gendannes i en tom mappe, så intet bliver overskrevet. Den åbnes med den adgangssætning eller gendannelseskode, der gjaldt, da sikkerhedskopien blev taget.</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Sikkerhedskopi</translation>
    </message>
    <message>
        <source>coachdesk-....cdbackup</source>
        <translation>coachdesk-....cdbackup</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Vælg...</translation>
    </message>
    <message>
        <source>Restore into folder</source>
        <translation>Gendan i mappen</translation>
    </message>
    <message>
        <source>Passphrase of the backup</source>
        <translation>Sikkerhedskopiens adgangssætning</translation>
    </message>
    <message>
        <source>Use the recovery code instead</source>
        <translation>Brug gendannelseskoden i stedet</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>Sikkerhedskopi:</translation>
    </message>
    <message>
        <source>Restore into:</source>
        <translation>Gendan i:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Adgangssætning:</translation>
    </message>
    <message>
        <source>Recovery code:</source>
        <translation>Gendannelseskode:</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Gendan</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Gendannelseskode</translation>
    </message>
    <message>
        <source>Made {when}; checksum correct.</source>
        <translation>Taget {when}; kontrolsummen er korrekt.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Vælg en sikkerhedskopi</translation>
    </message>
    <message>
        <source>CoachDesk backups (*.cdbackup)</source>
        <translation>CoachDesk-sikkerhedskopier (*.cdbackup)</translation>
    </message>
    <message>
        <source>Choose an empty folder</source>
        <translation>Vælg en tom mappe</translation>
    </message>
    <message>
        <source>Checking and restoring the backup...</source>
        <translation>Kontrollerer og gendanner sikkerhedskopien...</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n participant(s).</source>
        <translation>
            <numerusform>%n deltager er gendannet.</numerusform>
            <numerusform>%n deltagere er gendannet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Due for erasure</source>
        <translation>Bør slettes</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Course ended</source>
        <translation>Forløbet sluttede</translation>
    </message>
    <message>
        <source>Participants due for erasure</source>
        <translation>Deltagere, der bør slettes</translation>
    </message>
    <message>
        <source>Erase...</source>
        <translation>Slet...</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) finished the course more than {months} months ago. Unless there is a reason to keep their records, erase them.</source>
        <translation>
            <numerusform>%n deltager afsluttede forløbet for mere end {months} måneder siden. Medmindre der er en grund til at gemme oplysningerne, bør du slette dem.</numerusform>
            <numerusform>%n deltagere afsluttede forløbet for mere end {months} måneder siden. Medmindre der er en grund til at gemme oplysningerne, bør du slette dem.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Group roster</source>
        <translation>Holdliste</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Hold</translation>
    </message>
    <message>
        <source>&amp;Hold (course start):</source>
        <translation>&amp;Hold (forløbsstart):</translation>
    </message>
    <message>
        <source>Date of a group session</source>
        <translation>Dato for en gruppesession</translation>
    </message>
    <message>
        <source>Start time of the group session</source>
        <translation>Gruppesessionens starttidspunkt</translation>
    </message>
    <message>
        <source>&amp;Add session</source>
        <translation>&amp;Tilføj session</translation>
    </message>
    <message>
        <source>Weeks &amp;1-4</source>
        <translation>Uge &amp;1-4</translation>
    </message>
    <message>
        <source>Add one group session a week in the group phase, on the course start&apos;s weekday</source>
        <translation>Tilføj én gruppesession om ugen i gruppeforløbet, på forløbsstartens ugedag</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>Fjern session</translation>
    </message>
    <message>
        <source>Remove the current column&apos;s group session from the hold&apos;s plan (its marks stay)</source>
        <translation>Fjern den markerede kolonnes gruppesession fra holdets plan (markeringerne bevares)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>T</translation>
    </message>
    <message>
        <source>A</source>
        <translation>F</translation>
    </message>
    <message>
        <source>E</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Keys: %1 or 1 present, %2 or 2 absent, %3 or 3 excused (notice of absence), Delete removes the mark.</source>
        <translation>Taster: %1 eller 1 til stede, %2 eller 2 fraværende, %3 eller 3 afbud, Delete fjerner markeringen.</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Holdliste</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>New &amp;session:</source>
        <translation>Ny &amp;session:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n participant(s))</source>
        <translation>
            <numerusform>%1 (%n deltager)</numerusform>
            <numerusform>%1 (%n deltagere)</numerusform>
        </translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Fraværende</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Afbud</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltager</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <source>No group sessions planned for this hold yet: add their dates above (Weeks 1-4 adds one a week).</source>
        <translation>Der er endnu ingen gruppesessioner planlagt for dette hold: tilføj datoerne ovenfor (Uge 1-4 tilføjer én om ugen).</translation>
    </message>
    <message>
        <source>No admitted participants in this hold.</source>
        <translation>Ingen optagne deltagere på dette hold.</translation>
    </message>
    <message>
        <source>%1 of %2 present</source>
        <translation>%1 af %2 til stede</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) of absence</source>
        <translation>
            <numerusform>%n afbud</numerusform>
            <numerusform>%n afbud</numerusform>
        </translation>
    </message>
    <message>
        <source>If this is right, press the key again to confirm it; until then reports do not count it.</source>
        <translation>Hvis det er rigtigt, så tryk på tasten igen for at bekræfte; indtil da tæller rapporterne det ikke med.</translation>
    </message>
    <message>
        <source>Type the session&apos;s date.</source>
        <translation>Skriv sessionens dato.</translation>
    </message>
    <message>
        <source>Move to a session&apos;s column first.</source>
        <translation>Gå først til en sessions kolonne.</translation>
    </message>
</context>
<context>
    <name>RotateRecoveryCodeDialog</name>
    <message>
        <source>New recovery code</source>
        <translation>Ny gendannelseskode</translation>
    </message>
    <message>
        <source>Make a new recovery code when the old one may have been seen by someone else. The old code stops working for this vault; the passphrase stays the same.</source>
        <translation>Lav en ny gendannelseskode, hvis den gamle kan være set af andre. Den gamle kode holder op med at virke for denne boks; adgangssætningen er den samme.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Adgangssætning</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Adgangssætning:</translation>
    </message>
    <message>
        <source>&amp;Make a new code</source>
        <translation>&amp;Lav en ny kode</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Flyt op</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Flyt ned</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>&amp;Restore draft</source>
        <translation>Gendan &amp;kladde</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Kassér kladde</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>Conversation number</source>
        <translation>Samtalens nummer</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Skabelon</translation>
    </message>
    <message>
        <source>No template</source>
        <translation>Ingen skabelon</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>&amp;Varighed</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>Samtale&amp;form</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Sta&amp;tus</translation>
    </message>
    <message>
        <source>Course &amp;week</source>
        <translation>Forløbs&amp;uge</translation>
    </message>
    <message>
        <source>Temp&amp;late:</source>
        <translation>Ska&amp;belon:</translation>
    </message>
    <message>
        <source>Themes (course elements)</source>
        <translation>Temaer (forløbets elementer)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Your notes from the conversation. Notes stay in CoachDesk unless you include them in an export.</source>
        <translation>Dine noter fra samtalen. Noterne bliver i CoachDesk, medmindre du selv tager dem med i en eksport.</translation>
    </message>
    <message>
        <source>The participant&apos;s own words</source>
        <translation>Deltagerens egne ord</translation>
    </message>
    <message>
        <source>Agreed actions</source>
        <translation>Aftalte handlinger</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Ny handling</translation>
    </message>
    <message>
        <source>A small, concrete step…</source>
        <translation>Et lille, konkret skridt…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>T&amp;ilføj</translation>
    </message>
    <message>
        <source>Make &amp;goal</source>
        <translation>Gør til &amp;mål</translation>
    </message>
    <message>
        <source>Add the selected action to the job plan as a goal</source>
        <translation>Føj den valgte handling til jobplanen som et mål</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Ratings 0-10 (optional)</source>
        <translation>Vurderinger 0-10 (valgfrit)</translation>
    </message>
    <message>
        <source>Next appointment date</source>
        <translation>Dato for næste aftale</translation>
    </message>
    <message>
        <source>Next appointment time</source>
        <translation>Tidspunkt for næste aftale</translation>
    </message>
    <message>
        <source>&amp;Next appointment:</source>
        <translation>Næste &amp;aftale:</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>&amp;Gem samtale</translation>
    </message>
    <message>
        <source>Mar&amp;k as held</source>
        <translation>Mark&amp;er som afholdt</translation>
    </message>
    <message>
        <source>The planned conversation took place: set the status to held and write the log</source>
        <translation>Den planlagte samtale er holdt: sæt status til afholdt og skriv notaterne</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;oter</translation>
    </message>
    <message>
        <source>The participant&apos;s own &amp;words</source>
        <translation>De&amp;ltagerens egne ord</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ændringer er ikke gemt</translation>
    </message>
    <message>
        <source>First conversation</source>
        <translation>Første samtale</translation>
    </message>
    <message>
        <source>Midway conversation</source>
        <translation>Midtvejssamtale</translation>
    </message>
    <message>
        <source>Closing conversation</source>
        <translation>Afsluttende samtale</translation>
    </message>
    <message>
        <source>What takes up the most room right now?</source>
        <translation>Hvad fylder mest lige nu?</translation>
    </message>
    <message>
        <source>How do you notice the stress: in the body, the thoughts, the sleep?</source>
        <translation>Hvordan mærker du stressen: i kroppen, i tankerne, i søvnen?</translation>
    </message>
    <message>
        <source>What do you want from the course?</source>
        <translation>Hvad vil du gerne have ud af forløbet?</translation>
    </message>
    <message>
        <source>Agreed for next time:</source>
        <translation>Aftalt til næste gang:</translation>
    </message>
    <message>
        <source>What has worked since the group sessions?</source>
        <translation>Hvad har virket siden gruppeforløbet?</translation>
    </message>
    <message>
        <source>Which tools do you use, and when?</source>
        <translation>Hvilke redskaber bruger du, og hvornår?</translation>
    </message>
    <message>
        <source>Where are your boundaries at work now?</source>
        <translation>Hvor går dine grænser på arbejdet nu?</translation>
    </message>
    <message>
        <source>The job plan: the next small step?</source>
        <translation>Jobplanen: hvad er det næste lille skridt?</translation>
    </message>
    <message>
        <source>What has changed since the start?</source>
        <translation>Hvad har ændret sig siden starten?</translation>
    </message>
    <message>
        <source>What will you keep doing after the course?</source>
        <translation>Hvad vil du blive ved med efter forløbet?</translation>
    </message>
    <message>
        <source>Who supports you, at work and at home?</source>
        <translation>Hvem støtter dig, på arbejdet og derhjemme?</translation>
    </message>
    <message>
        <source>The job plan and the steps ahead:</source>
        <translation>Jobplanen og de næste skridt:</translation>
    </message>
    <message>
        <source>Conversation %1 of %2</source>
        <translation>Samtale %1 af %2</translation>
    </message>
    <message>
        <source>template for it: %1</source>
        <translation>skabelon til den: %1</translation>
    </message>
    <message>
        <source>Follows the date and the course start.</source>
        <translation>Følger datoen og forløbets start.</translation>
    </message>
    <message>
        <source>Select an action first.</source>
        <translation>Vælg først en handling.</translation>
    </message>
    <message>
        <source>Added to the job plan as a goal (version %1).</source>
        <translation>Føjet til jobplanen som et mål (version %1).</translation>
    </message>
    <message>
        <source>Unsaved text from %1 was kept as a draft. Restore it?</source>
        <translation>Tekst fra %1, der ikke blev gemt, er bevaret som kladde. Vil du gendanne den?</translation>
    </message>
    <message>
        <source>Draft restored – not saved yet</source>
        <translation>Kladden er gendannet – endnu ikke gemt</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Gem alligevel</translation>
    </message>
    <message>
        <source>Saved. The next appointment is in the agenda.</source>
        <translation>Gemt. Næste aftale står i kalenderen.</translation>
    </message>
    <message>
        <source>Saved. The next appointment is not in the agenda: its date does not fit the course. Plan it as a new session if it is right.</source>
        <translation>Gemt. Næste aftale står ikke i kalenderen: datoen passer ikke med forløbet. Planlæg den som en ny samtale, hvis den er rigtig.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gemt</translation>
    </message>
    <message>
        <source>Unsaved session</source>
        <translation>Samtalen er ikke gemt</translation>
    </message>
    <message>
        <source>This session has unsaved changes.</source>
        <translation>Samtalen har ændringer, der ikke er gemt.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Behold som kladde</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kassér</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <source>Sessions</source>
        <translation>Samtaler</translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation>&amp;Ny samtale</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Slet samtale</translation>
    </message>
    <message>
        <source>Delete the selected session (Delete key); Ctrl+Z puts it back</source>
        <translation>Slet den valgte samtale (Delete-tasten); Ctrl+Z fortryder</translation>
    </message>
    <message>
        <source>No sessions yet. Individual conversations start in week 5.</source>
        <translation>Ingen samtaler endnu. De individuelle samtaler begynder i uge 5.</translation>
    </message>
    <message>
        <source>Select a session, or start a new one.</source>
        <translation>Vælg en samtale, eller begynd på en ny.</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2, week %3, %n theme(s)</source>
        <translation>
            <numerusform>%1 – %2, uge %3, %n tema</numerusform>
            <numerusform>%1 – %2, uge %3, %n temaer</numerusform>
        </translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>tælles ikke med</translation>
    </message>
    <message>
        <source>The session of %1 was deleted.</source>
        <translation>Samtalen fra %1 er slettet.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source> months</source>
        <translation> måneder</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Følg systemet</translation>
    </message>
    <message>
        <source>PSS-10</source>
        <translation>PSS-10</translation>
    </message>
    <message>
        <source>&amp;Admission threshold (total ≥):</source>
        <translation>&amp;Optagelsesgrænse (samlet score ≥):</translation>
    </message>
    <message>
        <source>Standard &amp;deviation (reliable change):</source>
        <translation>Standard&amp;afvigelse (pålidelig ændring):</translation>
    </message>
    <message>
        <source>&amp;Reliability r:</source>
        <translation>&amp;Reliabilitet r:</translation>
    </message>
    <message>
        <source>This vault</source>
        <translation>Denne boks</translation>
    </message>
    <message>
        <source>&amp;Coach name:</source>
        <translation>&amp;Coachens navn:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Con&amp;tact on reports:</source>
        <translation>Kon&amp;takt på rapporter:</translation>
    </message>
    <message>
        <source>Offer erasure &amp;after the course ended:</source>
        <translation>Foreslå sletning &amp;efter forløbets afslutning:</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Denne computer</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Lås efter inaktivitet:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source>A new language takes effect when CoachDesk restarts.</source>
        <translation>Et nyt sprog træder i kraft, når CoachDesk startes igen.</translation>
    </message>
    <message>
        <source>Questionnaires in the course</source>
        <translation>Spørgeskemaer i forløbet</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Screening</translation>
    </message>
    <message>
        <source>Week 4</source>
        <translation>Uge 4</translation>
    </message>
    <message>
        <source>Week 12</source>
        <translation>Uge 12</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Ask %1: %2</source>
        <translation>Spørg om %1: %2</translation>
    </message>
</context>
<context>
    <name>ShowRecoveryCodeDialog</name>
    <message>
        <source>New recovery code</source>
        <translation>Ny gendannelseskode</translation>
    </message>
    <message>
        <source>This is the vault&apos;s new recovery code. The old code no longer unlocks it (old backups still open with the code of their day). It is shown only now: write it down, and keep it locked away, apart from this computer.</source>
        <translation>Dette er boksens nye gendannelseskode. Den gamle kode låser den ikke længere op (gamle sikkerhedskopier åbner stadig med koden fra deres tid). Den vises kun nu: skriv den ned, og opbevar den låst inde, adskilt fra denne computer.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Gendannelseskode</translation>
    </message>
    <message>
        <source>I have &amp;stored the new recovery code</source>
        <translation>Jeg har &amp;opbevaret den nye gendannelseskode sikkert</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Course timeline</source>
        <translation>Forløbets tidslinje</translation>
    </message>
    <message>
        <source>The course has not started.</source>
        <translation>Forløbet er ikke startet.</translation>
    </message>
    <message>
        <source>%1 group sessions attended, %2 individual sessions held.</source>
        <translation>Deltaget i %1 gruppesessioner, %2 individuelle samtaler afholdt.</translation>
    </message>
    <message>
        <source>Individual sessions</source>
        <translation>Individuelle samtaler</translation>
    </message>
    <message>
        <source>PSS-10</source>
        <translation>PSS-10</translation>
    </message>
    <message>
        <source>Group sessions</source>
        <translation>Gruppesessioner</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>Set the course start date to see the timeline.</source>
        <translation>Angiv forløbets startdato for at se tidslinjen.</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Fortryd (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>CoachDesk is locked</source>
        <translation>CoachDesk er låst</translation>
    </message>
    <message>
        <source>Enter your passphrase to unlock your caseload.</source>
        <translation>Skriv din adgangssætning for at låse op for dine deltagere.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Adgangssætning</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Adgangssætning:</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Besked om oplåsning</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås op</translation>
    </message>
    <message>
        <source>Use the &amp;recovery code instead</source>
        <translation>Brug &amp;gendannelseskoden i stedet</translation>
    </message>
    <message>
        <source>Restore a &amp;backup…</source>
        <translation>Gendan en &amp;sikkerhedskopi…</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>&amp;Gendannelseskode:</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Gendannelseskode</translation>
    </message>
    <message>
        <source>Enter the organisation&apos;s recovery code. After unlocking, you choose a new passphrase.</source>
        <translation>Skriv organisationens gendannelseskode. Når boksen er låst op, vælger du en ny adgangssætning.</translation>
    </message>
    <message>
        <source>Use the &amp;passphrase instead</source>
        <translation>Brug &amp;adgangssætningen i stedet</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Låser op…</translation>
    </message>
    <message>
        <source>Wrong recovery code. Check it and try again.</source>
        <translation>Forkert gendannelseskode. Kontrollér den, og prøv igen.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Forkert adgangssætning. Prøv igen.</translation>
    </message>
    <message>
        <source>The vault could not be opened: %1</source>
        <translation>Boksen kunne ikke åbnes: %1</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Ændringer er ikke gemt</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Caseload</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Kalender</translation>
    </message>
    <message numerus="yes">
        <source>The calendar (%n appointment(s)) was saved to %1.</source>
        <translation>
            <numerusform>Kalenderen (%n aftale) blev gemt i %1.</numerusform>
            <numerusform>Kalenderen (%n aftaler) blev gemt i %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
