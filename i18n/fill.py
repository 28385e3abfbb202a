"""Fill i18n/coachdesk_da.ts with the Danish translations kept in this file.

Run after `make i18n` (lupdate adds new English strings as unfinished):

    .venv/bin/python i18n/fill.py            # fill, then report what is still missing
    .venv/bin/python i18n/fill.py --check    # exit 1 when something is missing

English needs a (plural-only) translation too, or Qt shows "1 page(s)": i18n/coachdesk_en.ts
holds the numerus entries only (`pyside6-lupdate -pluralonly`), filled from EN_PLURALS.

The translations live here, keyed by the English source, so that a re-run of lupdate
never loses them. A source whose Danish depends on where it is shown has an entry in
BY_CONTEXT. Plural entries (numerus="yes") map to (singular, plural): Danish has two
forms, n == 1 and everything else. The terms are explained in i18n/glossary.md.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parent / "coachdesk_da.ts"
TS_EN = Path(__file__).resolve().parent / "coachdesk_en.ts"

Plural = tuple[str, str]

DA: dict[str, str | Plural] = {
    # --- the app, menus ---------------------------------------------------------------
    "CoachDesk": "CoachDesk",
    "&File": "&Filer",
    "&New participant…": "&Ny deltager…",
    "&Save": "&Gem",
    "&Backup…": "&Sikkerhedskopi…",
    "&Audit log…": "&Aktivitetslog…",
    "Se&ttings…": "&Indstillinger…",
    "&Lock": "&Lås",
    "&Quit": "A&fslut",
    "&Edit": "&Rediger",
    "&Find participant": "&Søg efter deltager",
    "&Help": "&Hjælp",
    "CoachDesk &help": "&Hjælp til CoachDesk",
    "Caseload": "Deltagere",
    # --- unlock -----------------------------------------------------------------------
    "CoachDesk is locked": "CoachDesk er låst",
    "Enter your passphrase to unlock your caseload.": "Skriv din adgangssætning for at låse op for dine deltagere.",
    "Passphrase": "Adgangssætning",
    "&Passphrase:": "&Adgangssætning:",
    "Unlock message": "Besked om oplåsning",
    "&Unlock": "&Lås op",
    "Use the &recovery code instead": "Brug &gendannelseskoden i stedet",
    "&Recovery code:": "&Gendannelseskode:",
    "Recovery code": "Gendannelseskode",
    "Enter the organisation's recovery code. After unlocking, set a new passphrase in "
    "Settings.": "Skriv organisationens gendannelseskode. Når CoachDesk er låst op, vælger du en ny "
    "adgangssætning under Indstillinger.",
    "Use the &passphrase instead": "Brug &adgangssætningen i stedet",
    "Unlocking…": "Låser op…",
    "Wrong recovery code. Check it and try again.": "Forkert gendannelseskode. Kontrollér den, og prøv igen.",
    "Wrong passphrase. Try again.": "Forkert adgangssætning. Prøv igen.",
    "The vault could not be opened: %1": "Boksen kunne ikke åbnes: %1",
    # --- first run --------------------------------------------------------------------
    "CoachDesk keeps your participants' data encrypted on this computer. Choose a passphrase "
    "of at least %1 characters: several words are easy to remember and hard to guess.": "CoachDesk gemmer dine deltageres oplysninger krypteret på denne computer. Vælg en "
    "adgangssætning på mindst %1 tegn: flere ord efter hinanden er lette at huske og "
    "svære at gætte.",
    "New passphrase": "Ny adgangssætning",
    "Repeat the passphrase": "Gentag adgangssætningen",
    "Passphrase strength": "Adgangssætningens styrke",
    "&Create the vault": "&Opret boksen",
    "&Repeat:": "&Gentag:",
    "Welcome to CoachDesk": "Velkommen til CoachDesk",
    "Too short: at least %1 characters.": "For kort: mindst %1 tegn.",
    "Strength: weak. Add a word or two.": "Styrke: svag. Tilføj et ord eller to.",
    "Strength: fair.": "Styrke: rimelig.",
    "Strength: strong.": "Styrke: stærk.",
    "The two passphrases differ.": "De to adgangssætninger er ikke ens.",
    "Creating the encrypted vault…": "Opretter den krypterede boks…",
    "The vault was not created: %1": "Boksen blev ikke oprettet: %1",
    "This is your organisation's recovery code. It unlocks the vault if the passphrase is "
    "forgotten. It is shown only now: save it to a file on a USB stick or print it, and keep "
    "it locked away, apart from this computer.": "Dette er din organisations gendannelseskode. Den låser boksen op, hvis "
    "adgangssætningen bliver glemt. Den vises kun nu: gem den som fil på en USB-nøgle, "
    "eller udskriv den, og opbevar den låst inde – et andet sted end ved denne computer.",
    "&Save as file…": "&Gem som fil…",
    "&Print…": "&Udskriv…",
    "I have &stored the recovery code": "Jeg har &opbevaret gendannelseskoden sikkert",
    "&Continue": "&Fortsæt",
    "Your recovery code": "Din gendannelseskode",
    "CoachDesk recovery code\n\n%1\n\nKeep this locked away. It unlocks the CoachDesk vault "
    "if the passphrase is forgotten.\n": "Gendannelseskode til CoachDesk\n\n%1\n\nOpbevar den låst inde. Den låser "
    "CoachDesk-boksen op, hvis adgangssætningen bliver glemt.\n",
    "Save the recovery code": "Gem gendannelseskoden",
    "Text files (*.txt)": "Tekstfiler (*.txt)",
    "Not saved": "Ikke gemt",
    "The file could not be written: %1": "Filen kunne ikke gemmes: %1",
    "Your name and organisation appear on the reports you send to the municipality. You "
    "can change them later in Settings.": "Dit navn og din organisation står på de rapporter, du sender til kommunen. Du kan "
    "ændre dem senere under Indstillinger.",
    "Coach name": "Coachens navn",
    "Organisation": "Organisation",
    "&Start using CoachDesk": "&Begynd at bruge CoachDesk",
    "Your &name:": "Dit &navn:",
    "&Organisation:": "&Organisation:",
    "About you": "Om dig",
    # --- help -------------------------------------------------------------------------
    "CoachDesk help": "Hjælp til CoachDesk",
    "<h2>CoachDesk</h2><p>Your caseload for the 12-week course, encrypted on this computer."
    "</p><h3>Keyboard</h3><table><tr><td><b>Ctrl+N</b></td><td>New participant</td></tr>"
    "<tr><td><b>Ctrl+F</b></td><td>Search the caseload by name or ref</td></tr><tr><td><b>"
    "Enter</b></td><td>Open the selected participant</td></tr><tr><td><b>Ctrl+S</b></td><td>"
    "Save the session, job plan or outcome</td></tr><tr><td><b>Ctrl+L</b></td><td>Lock "
    "CoachDesk now</td></tr><tr><td><b>Alt+letter</b></td><td>Jump to the field or tab with "
    "that underlined letter</td></tr><tr><td><b>F1</b></td><td>This help</td></tr></table>"
    "<h3>Safety</h3><p>CoachDesk locks itself after a few idle minutes (Settings). Text you "
    "were typing is kept as an encrypted draft and offered back when you open the session "
    "again. CoachDesk never connects to the internet.</p><h3>The course</h3><p>Week 1: "
    "screening PSS-10 and intake. Weeks 1-4: group phase. Weeks 5-12: up to 8 individual "
    "conversations. Week 12: final PSS-10, outcome and the report to the municipality.</p>": "<h2>CoachDesk</h2><p>Dine deltagere i det 12 uger lange forløb, krypteret på denne "
    "computer.</p><h3>Tastatur</h3><table><tr><td><b>Ctrl+N</b></td><td>Ny deltager</td>"
    "</tr><tr><td><b>Ctrl+F</b></td><td>Søg blandt deltagerne på navn eller ref.</td></tr>"
    "<tr><td><b>Enter</b></td><td>Åbn den valgte deltager</td></tr><tr><td><b>Ctrl+S</b>"
    "</td><td>Gem samtalen, jobplanen eller resultatet</td></tr><tr><td><b>Ctrl+L</b></td>"
    "<td>Lås CoachDesk nu</td></tr><tr><td><b>Alt+bogstav</b></td><td>Gå til feltet eller "
    "fanen med det understregede bogstav</td></tr><tr><td><b>F1</b></td><td>Denne hjælp"
    "</td></tr></table><h3>Sikkerhed</h3><p>CoachDesk låser sig selv efter nogle minutter "
    "uden aktivitet (Indstillinger). Tekst, du var i gang med at skrive, gemmes som en "
    "krypteret kladde og tilbydes igen, når du åbner samtalen. CoachDesk går aldrig på "
    "internettet.</p><h3>Forløbet</h3><p>Uge 1: screening med PSS-10 og indledende "
    "samtale. Uge 1-4: gruppeforløb. Uge 5-12: op til 8 individuelle samtaler. Uge 12: "
    "PSS-10-slutmåling, resultat og rapporten til kommunen.</p>",
    # --- caseload ---------------------------------------------------------------------
    "Name": "Navn",
    "Ref": "Ref.",
    "Status": "Status",
    "Course week": "Forløbsuge",
    "Next due": "Næste opgave",
    "Last session": "Seneste samtale",
    "PSS-10 before → after": "PSS-10 før → efter",
    "Today": "I dag",
    "Search name or ref (Ctrl+F)": "Søg på navn eller ref. (Ctrl+F)",
    "Search the caseload": "Søg blandt deltagerne",
    "Filter by status": "Filtrér efter status",
    "All statuses": "Alle statusser",
    "Needs &attention": "Kræver &opmærksomhed",
    "Show a&rchived": "Vis a&rkiverede",
    "no conversations planned": "ingen samtaler planlagt",
    "Today, %1:": "I dag, %1:",
    "%n participant(s) need attention": (
        "%n deltager kræver opmærksomhed",
        "%n deltagere kræver opmærksomhed",
    ),
    "%n final PSS-10 due": ("%n PSS-10-slutmåling mangler", "%n PSS-10-slutmålinger mangler"),
    "questionnaires due for %n participant(s)": (
        "spørgeskemaer mangler for %n deltager",
        "spørgeskemaer mangler for %n deltagere",
    ),
    "%1 of %2": "%1 af %2",
    "No participants yet. Press Ctrl+N to add the first one, or import a participant file.": "Ingen deltagere endnu. Tryk Ctrl+N for at oprette den første, eller importér en "
    "deltagerfil.",
    "No participant matches the search and filters.": "Ingen deltagere passer til søgningen og filtrene.",
    # --- vocabulary labels (the same words as the reports, coachdesk/reports/strings.py)
    "Referred": "Henvist",
    "Screened": "Screenet",
    "Not eligible": "Ikke optaget",
    "Admitted": "Optaget",
    "Group phase": "Gruppeforløb",
    "Individual phase": "Individuelt forløb",
    "Completed": "Gennemført",
    "Dropped out": "Afbrudt",
    "Psychoeducation – knowledge about stress": "Psykoedukation – viden om stress",
    "Practical exercises – breathing, mindfulness, body techniques": "Praktiske øvelser – åndedræt, mindfulness, kropslige teknikker",
    "Metacognitive tools – managing thoughts, sleep strategies": "Metakognitive redskaber – tankehåndtering og søvnstrategier",
    "Setting boundaries and managing time": "Grænsesætning og tidsstyring",
    "Clarity and goals – realistic goals": "Klarhed og mål – realistiske mål",
    "The good working life – value-based job plan and accommodation needs": "Det gode arbejdsliv – værdibaseret jobplan og skånebehov",
    "Community – support and mirroring in the group": "Fællesskab – støtte og spejling i gruppen",
    "Personal support – individual conversations": "Personlig støtte – individuelle samtaler",
    "Digital tools (e.g. Jobuniverset)": "Digitale værktøjer (fx Jobuniverset)",
    "In person": "Personligt møde",
    "Phone": "Telefon",
    "Video": "Video",
    "Held": "Afholdt",
    "Cancelled": "Aflyst",
    "No-show": "Udeblevet",
    "Working hours (incl. gradual return)": "Arbejdstid (herunder gradvis tilbagevenden)",
    "Tasks to avoid": "Opgaver der skal undgås",
    "Work environment": "Arbejdsmiljø",
    "Breaks": "Pauser",
    "Flexibility": "Fleksibilitet",
    "Remote work": "Hjemmearbejde",
    "Social and relational load": "Social og relationel belastning",
    "Other": "Andet",
    "Open": "Åben",
    "Done": "Nået",
    "Dropped": "Droppet",
    "Back at work full time": "I arbejde på fuld tid",
    "Back at work part time": "I arbejde på deltid",
    "Still on sick leave": "Fortsat sygemeldt",
    "Job-seeking": "Jobsøgende",
    "In education": "Under uddannelse",
    "Energy": "Energi",
    "Sleep": "Søvn",
    "Overall wellbeing": "Trivsel generelt",
    "not started": "ikke startet",
    "ended (week %1)": "afsluttet (uge %1)",
    "week %1 of %2": "uge %1 af %2",
    "screening PSS-10 due": "PSS-10-screening mangler",
    "final PSS-10 due": "PSS-10-slutmåling mangler",
    "session %1 of %2": "samtale %1 af %2",
    "outcome due": "resultat mangler",
    "report due": "rapport mangler",
    "(overdue)": "(forsinket)",
    # --- participant dialog -----------------------------------------------------------
    "New participant": "Ny deltager",
    "Edit participant": "Rediger deltager",
    "e.g. the municipality's case number": "fx kommunens sagsnummer",
    "The course": "Forløbet",
    "Reports to the municipality": "Rapportering til kommunen",
    "%1 *": "%1 *",
    "Person": "Person",
    "&Name": "&Navn",
    "&Ref": "&Ref.",
    "&CPR": "&CPR",
    "&E-mail": "&E-mail",
    "P&hone": "&Telefon",
    "Caseworker at the municipality": "Sagsbehandler i kommunen",
    "Case&worker": "Sags&behandler",
    "&Municipality": "&Kommune",
    "Caseworker e-&mail": "Sagsbehandlerens e-&mail",
    "Case re&ference": "Sagsn&ummer",
    "Course and consent": "Forløb og samtykke",
    "Re&ferral date": "&Henvist den",
    "Course &start": "Forløbet &starter",
    "S&tatus": "St&atus",
    "Consent &given on": "Samtykke &givet den",
    "Consent covers": "Samtykket dækker",
    "Consent &withdrawn on": "Samtykke trukket tilbage &den",
    "Fields marked * are required.": "Felter markeret med * skal udfyldes.",
    "Please correct the marked fields.": "Ret venligst de markerede felter.",
    "This field is required.": "Dette felt skal udfyldes.",
    "CPR number": "CPR-nummer",
    "Show": "Vis",
    "Show the full CPR number": "Vis hele CPR-nummeret",
    "Hide": "Skjul",
    # --- participant page -------------------------------------------------------------
    "What is due": "Det skal gøres",
    "Course and caseworker": "Forløb og sagsbehandler",
    "◆ PSS-10 done  ◇ final PSS-10 due  ● present  ○ absent  ■ session held  ✕ cancelled or "
    "no-show  ⬚ next appointment": "◆ PSS-10 udfyldt  ◇ PSS-10-slutmåling mangler  ● til stede  ○ fraværende  "
    "■ samtale afholdt  ✕ aflyst eller udeblevet  ⬚ næste aftale",
    "Course start": "Forløbets start",
    "Course end": "Forløbets afslutning",
    "Caseworker": "Sagsbehandler",
    "Municipality": "Kommune",
    "Case reference": "Sagsnummer",
    "archived": "arkiveret",
    "Consent WITHDRAWN on %1: do not report to the municipality.": "Samtykket er TRUKKET TILBAGE den %1: der må ikke rapporteres til kommunen.",
    "Consent given on %1.": "Samtykke givet den %1.",
    "No consent recorded.": "Intet samtykke registreret.",
    "Unarchive": "Hent fra arkiv",
    "Archive": "Arkivér",
    "Nothing is due.": "Intet udestående.",
    "Erase": "Slet",
    # Only used as %1 at the start of "The %1 has unsaved changes. Save them?"
    "job plan": "Jobplanen",
    "outcome": "Resultatet",
    "Unsaved changes": "Ændringer er ikke gemt",
    "The %1 has unsaved changes. Save them?": "%1 har ændringer, der ikke er gemt. Vil du gemme dem?",
    # Alt+D / Alt+Y: &Edit and &Rediger are the menu's (issue 14: Alt+R opened both).
    "Edit &details…": "Rediger opl&ysninger…",
    "Erase…": "Slet…",
    "&Overview": "&Overblik",
    "&PSS-10": "&PSS-10",
    "&Sessions": "&Samtaler",
    "&Job plan": "&Jobplan",
    "O&utcome && report": "Resultat && rappor&t",
    "Group attendance": "Fremmøde i gruppen",
    "Group session date": "Dato for gruppesession",
    "P&resent": "Til st&ede",
    "A&bsent": "Fra&værende",  # Alt+F is the Filer menu
    "Present at %1 of %2 marked group sessions.": "Til stede ved %1 af %2 registrerede gruppesessioner.",
    # --- timeline ---------------------------------------------------------------------
    "Course timeline": "Forløbets tidslinje",
    "The course has not started.": "Forløbet er ikke startet.",
    "%1 group sessions attended, %2 individual sessions held.": "Deltaget i %1 gruppesessioner, %2 individuelle samtaler afholdt.",
    "Individual sessions": "Individuelle samtaler",
    "PSS-10": "PSS-10",
    "Group sessions": "Gruppesessioner",
    "Week": "Uge",
    "Set the course start date to see the timeline.": "Angiv forløbets startdato for at se tidslinjen.",
    # --- PSS-10 -----------------------------------------------------------------------
    "Answers: type 0-4 for each item": "Svar: tast 0-4 for hvert spørgsmål",
    "Date": "Dato",
    "Kind": "Type",
    "Total": "Samlet score",
    "Band": "Niveau",
    "none (%1 missing)": "ingen (%1 mangler)",
    "1 answer missing: total prorated": "1 svar mangler: scoren er opregnet",
    "PSS-10 questionnaires": "PSS-10-skemaer",
    "&New questionnaire…": "&Nyt skema…",
    "&Edit…": "&Rediger…",
    "De&lete…": "S&let…",
    "&Item by item": "Spørgsmål &for spørgsmål",
    "Delete questionnaire": "Slet skema",
    "Delete this PSS-10 questionnaire? This cannot be undone.": "Vil du slette dette PSS-10-skema? Det kan ikke fortrydes.",
    "Edit PSS-10": "Rediger PSS-10",
    "New PSS-10": "Ny PSS-10",
    "&Kind": "&Type",
    "&Date": "&Dato",
    "Type 0-4 for each item; Up/Down or Backspace go back, Delete clears, Ctrl+S saves.": "Tast 0-4 for hvert spørgsmål; Op/Ned eller Backspace går tilbage, Delete rydder, "
    "Ctrl+S gemmer.",
    "Message": "Besked",
    "Cancel": "Annuller",
    "Total: none": "Samlet score: ingen",
    "Total: %1 (%2)": "Samlet score: %1 (%2)",
    "✔ Admission threshold (%1) met: %2 ≥ %1": "✔ Optagelsesgrænsen (%1) er nået: %2 ≥ %1",
    "✘ Admission threshold (%1) not met: %2 < %1": "✘ Optagelsesgrænsen (%1) er ikke nået: %2 < %1",
    "Admission threshold (%1): no total yet": "Optagelsesgrænse (%1): ingen samlet score endnu",
    "The date is in the future.": "Datoen ligger i fremtiden.",
    "The date is before the participant's referral date.": "Datoen ligger før deltagerens henvisningsdato.",
    "A final questionnaire cannot be dated before the first screening.": "En slutmåling kan ikke dateres før den første screening.",
    "This screening would come after the participant's final questionnaire.": "Denne screening ville ligge efter deltagerens slutmåling.",
    "Every answer must be 0-4 or empty.": "Hvert svar skal være 0-4 eller tomt.",
    "Choose screening, final or follow-up.": "Vælg screening, slutmåling eller opfølgning.",
    "The date is not valid.": "Datoen er ikke gyldig.",
    "&Save anyway": "&Gem alligevel",
    # The questionnaire form's "save anyway" warning, in three parts.
    "1 answer is missing": "1 svar mangler",
    "%1 answers are missing": "%1 svar mangler",
    ": the score will be prorated": ": scoren bliver opregnet",
    ": there will be no score": ": der bliver ingen score",
    "Press Save again (Ctrl+S) to save anyway.": "Tryk Gem igen (Ctrl+S) for at gemme alligevel.",
    "Not saved: ": "Ikke gemt: ",
    "PSS-10 chart": "PSS-10-diagram",
    "Total score (0–40)": "Samlet score (0–40)",
    "hollow marker: 1 answer missing, total prorated": "åben markør: 1 svar mangler, scoren er opregnet",
    "Item by item (0 = least stress, 4 = most); R = reversed item": "Spørgsmål for spørgsmål (0 = mindst stress, 4 = mest); O = omvendt spørgsmål",
    # The marker for a reversed item; the legend above explains it as "O = omvendt".
    "R": "O",
    "Before": "Før",
    "After": "Efter",
    "Screening": "Screening",
    "Final": "Slutmåling",
    "Follow-up": "Opfølgning",
    "low": "lav",
    "moderate": "moderat",
    "high": "høj",
    "National high stress %1+": "Højt stressniveau (Sundhedsprofilen) %1+",
    "No PSS-10 questionnaires yet": "Ingen PSS-10-skemaer endnu",
    "Admission threshold %1": "Optagelsesgrænse %1",
    "The change shows once there is a screening and a final with a total.": "Ændringen vises, når der er både en screening og en slutmåling med samlet score.",
    "Reliable improvement": "Pålidelig forbedring",
    "No reliable change": "Ingen pålidelig ændring",
    "Reliable worsening": "Pålidelig forværring",
    "%n questionnaire(s) without a total (2 or more answers missing) not shown.": (
        "%n skema uden samlet score (2 eller flere svar mangler) vises ikke.",
        "%n skemaer uden samlet score (2 eller flere svar mangler) vises ikke.",
    ),
    "Clinically important improvement (a decrease of %1 points or more)": "Klinisk betydningsfuld forbedring (et fald på %1 point eller mere)",
    "Not a clinically important improvement (that needs a decrease of %1 points)": "Ikke en klinisk betydningsfuld forbedring (det kræver et fald på %1 point)",
    "a change of %1 points or more is reliable (SD %2, r %3)": "en ændring på %1 point eller mere er pålidelig (SD %2, r %3)",
    "Before %1 (%2), after %3 (%4): %5 points": "Før %1 (%2), efter %3 (%4): %5 point",
    # --- sessions ---------------------------------------------------------------------
    "Sessions": "Samtaler",
    "&New session": "&Ny samtale",
    "No sessions yet. Individual conversations start in week 5.": "Ingen samtaler endnu. De individuelle samtaler begynder i uge 5.",
    "Select a session, or start a new one.": "Vælg en samtale, eller begynd på en ny.",
    "&Restore draft": "Gendan &kladde",
    "Unsaved changes restored from a draft": "Ikke-gemte ændringer er hentet fra en kladde",
    "Restore a &backup…": "Gendan en &sikkerhedskopi…",
    "Restore a &backup instead…": "Gendan en &sikkerhedskopi i stedet…",
    "Due for &erasure…": "Klar til &sletning…",
    "DDMMYY-NNNN": "DDMMÅÅ-NNNN",
    "%1 – %2, week %3, %n theme(s)": ("%1 – %2, uge %3, %n tema", "%1 – %2, uge %3, %n temaer"),
    # --- messages from the layers below the GUI (ui/messages.py) -----------------------
    "%1 is in the future.": "%1 ligger i fremtiden.",
    "%1 is not a date.": "%1 er ikke en dato.",
    "%1 is not a real date.": "%1 er ikke en gyldig dato.",
    "%1 is not a time (HH:MM).": "%1 er ikke et klokkeslæt (TT:MM).",
    "%1 is not within %2.": "%1 ligger ikke inden for %2.",
    "%1 is not a whole number.": "%1 er ikke et helt tal.",
    "%1 is not a number.": "%1 er ikke et tal.",
    "This is longer than %1 characters.": "Teksten er længere end %1 tegn.",
    "This list has more than %1 entries.": "Listen har mere end %1 punkter.",
    "This text holds a lone surrogate, which is not a character.": "Teksten indeholder et enligt surrogattegn, som ikke er et gyldigt tegn.",
    "The file was not imported: the text %1 holds a lone surrogate, which is not a "
    "character. Nothing was changed.": "Filen blev ikke importeret: teksten %1 indeholder et enligt surrogattegn, som ikke "
    "er et gyldigt tegn. Intet blev ændret.",
    "%1 has a time zone; give the local time without one (YYYY-MM-DDTHH:MM).": "%1 har en tidszone; angiv den lokale tid uden tidszone (ÅÅÅÅ-MM-DDTTT:MM).",
    "%1 is not a date and time (YYYY-MM-DDTHH:MM).": "%1 er ikke en dato og et klokkeslæt (ÅÅÅÅ-MM-DDTTT:MM).",
    "Participant %1 is erased, but the vault file could not be compacted afterwards "
    "because the disk is full, so the file can still hold old, encrypted pages of the "
    "erased records. Free some space on the disk, then run 'coachdesk compact' (or ask "
    "your IT department to) to finish.": "Deltageren %1 er slettet, men bagefter kunne boksens fil ikke komprimeres, fordi "
    "disken er fuld, så filen kan stadig rumme gamle, krypterede sider med de slettede "
    "oplysninger. Frigør plads på disken, og kør derefter 'coachdesk compact' (eller "
    "bed jeres it-afdeling om det) for at gøre det færdigt.",
    "Participant %1 is erased, but the vault file could not be compacted afterwards, so "
    "the file can still hold old, encrypted pages of the erased records. Run 'coachdesk "
    "compact' (or ask your IT department to) to finish.": "Deltageren %1 er slettet, men bagefter kunne boksens fil ikke komprimeres, så "
    "filen kan stadig rumme gamle, krypterede sider med de slettede oplysninger. Kør "
    "'coachdesk compact' (eller bed jeres it-afdeling om det) for at gøre det færdigt.",
    "The disk is full, so the change could not be saved. Nothing was changed: free some "
    "space on the disk and try again.": "Disken er fuld, så ændringen kunne ikke gemmes. Intet blev ændret: frigør plads på "
    "disken, og prøv igen.",
    "The disk could not be read or written (an input/output error). Nothing was changed: "
    "check the disk or the network drive, then try again.": "Disken kunne ikke læses eller skrives (en ind-/uddatafejl). Intet blev ændret: "
    "kontrollér disken eller netværksdrevet, og prøv så igen.",
    "The computer ran out of memory. Nothing was changed: close other programs and try "
    "again.": "Computeren løb tør for hukommelse. Intet blev ændret: luk andre programmer, og prøv "
    "igen.",
    "The date is before the referral date.": "Datoen ligger før henvisningsdatoen.",
    "%1 is before the referral date.": "%1 ligger før henvisningsdatoen.",
    "A final PSS-10 cannot be dated before the screening.": "En PSS-10-slutmåling kan ikke være dateret før screeningen.",
    "Withdrawn before the consent was given.": "Trukket tilbage, før samtykket blev givet.",
    "%1 is not a CPR number (DDMMYY-NNNN).": "%1 er ikke et CPR-nummer (DDMMÅÅ-NNNN).",
    "%1 does not start with a real date.": "%1 begynder ikke med en gyldig dato.",
    "%1 is not one of the choices.": "%1 er ikke en af mulighederne.",
    "This vault is open in another running CoachDesk. Close it there first.": "Boksen er åben i et andet CoachDesk-vindue. Luk den der først.",
    "The database is damaged and cannot be read safely. Restore the latest backup (Restore "
    "a backup… on this screen).": "Databasen er beskadiget og kan ikke læses sikkert. Gendan den seneste sikkerhedskopi "
    "(Gendan en sikkerhedskopi… på denne skærm).",
    "The key file (vault.key) was altered or damaged and was refused. Restore it from a "
    "backup.": "Nøglefilen (vault.key) er ændret eller beskadiget og blev afvist. Gendan den fra en "
    "sikkerhedskopi.",
    "The passphrase must have at least %1 characters.": "Adgangssætningen skal have mindst %1 tegn.",
    "CoachDesk cannot write in the data folder %1 (%2). Check that it is not read-only and "
    "that it is yours.": "CoachDesk kan ikke skrive i datamappen %1 (%2). Kontrollér, at den ikke er "
    "skrivebeskyttet, og at den er din.",
    "The vault in %1 was moved or deleted while CoachDesk was running. Put it back, or "
    "restart CoachDesk and open it where it is now.": "Boksen i %1 blev flyttet eller slettet, mens CoachDesk kørte. Læg den tilbage, eller "
    "genstart CoachDesk og åbn den, hvor den er nu.",
    "Something went wrong in CoachDesk (%1). What you saved is safe in the vault, and open "
    "editors keep their text as drafts. If it happens again, tell your IT department what you "
    "were doing.": "Noget gik galt i CoachDesk (%1). Det, du har gemt, er sikkert i boksen, og åbne "
    "redigeringsvinduer beholder deres tekst som kladder. Sker det igen, så fortæl din "
    "it-afdeling, hvad du var i gang med.",
    "The disk is full, so the change could not be saved. Free some space on the disk and try "
    "again; what you saved before is safe in the vault.": "Disken er fuld, så ændringen kunne ikke gemmes. Frigør plads på disken, og prøv igen; "
    "det, du har gemt før, er sikkert i boksen.",
    "The disk could not be read or written (an input/output error). Check the disk or the "
    "network drive and try again; what you saved before is safe in the vault.": "Disken kunne ikke læses eller skrives (en ind-/uddatafejl). Kontrollér disken eller "
    "netværksdrevet, og prøv igen; det, du har gemt før, er sikkert i boksen.",
    "Could not write %1: %2. Nothing was changed.": "Kunne ikke skrive %1: %2. Intet blev ændret.",
    "Nothing was exported: the disk holding the vault is full, so the export could not be "
    "recorded and %1 was not written.": "Intet blev eksporteret: disken med boksen er fuld, så eksporten kunne ikke "
    "registreres, og %1 blev ikke skrevet.",
    "Nothing was exported: the export could not be recorded in the vault (%1), so %2 was "
    "not written.": "Intet blev eksporteret: eksporten kunne ikke registreres i boksen (%1), så %2 blev "
    "ikke skrevet.",
    "The export was recorded as a disclosure, but %1 could not be put in place (%2); no "
    "file was written.": "Eksporten blev registreret som en videregivelse, men %1 kunne ikke lægges på plads "
    "(%2); ingen fil blev skrevet.",
    "The folder %1 is no longer empty (something was put there during the restore). "
    "Nothing there was overwritten; restore into an empty folder.": "Mappen %1 er ikke længere tom (noget blev lagt der under gendannelsen). Intet der "
    "blev overskrevet; gendan i en tom mappe.",
    "Change passphrase": "Skift adgangssætning",
    "The new passphrase unlocks this vault from now on. The recovery code stays the same.": "Den nye adgangssætning låser boksen op fra nu af. Gendannelseskoden er den samme.",
    "You unlocked with the recovery code. Choose a new passphrase for daily use; the recovery "
    "code stays the same.": "Du har låst op med gendannelseskoden. Vælg en ny adgangssætning til daglig brug; "
    "gendannelseskoden er den samme.",
    "Current passphrase": "Nuværende adgangssætning",
    "Repeat the new passphrase": "Gentag den nye adgangssætning",
    "&Current passphrase:": "&Nuværende adgangssætning:",
    "&New passphrase:": "N&y adgangssætning:",
    "The current passphrase is wrong.": "Den nuværende adgangssætning er forkert.",
    "Change &passphrase…": "Skift adgangs&sætning…",
    "The passphrase was changed.": "Adgangssætningen er skiftet.",
    "Enter the organisation's recovery code. After unlocking, you choose a new passphrase.": "Skriv organisationens gendannelseskode. Når boksen er låst op, vælger du en ny "
    "adgangssætning.",
    "Automatic backup failed": "Den automatiske sikkerhedskopi mislykkedes",
    "The automatic backup could not be made: %1": "Den automatiske sikkerhedskopi kunne ikke laves: %1",
    "Discard draft": "Kassér kladde",
    " min": " min.",
    "S&tart": "&Start",
    "D&uration": "&Varighed",
    "&Mode": "Samtale&form",
    "Stat&us": "Sta&tus",
    "Course &week": "Forløbs&uge",
    "Themes (course elements)": "Temaer (forløbets elementer)",
    "Notes": "Noter",
    "Your notes from the conversation. Notes stay in CoachDesk unless you include them in an "
    "export.": "Dine noter fra samtalen. Noterne bliver i CoachDesk, medmindre du selv tager dem med "
    "i en eksport.",
    "The participant's own words": "Deltagerens egne ord",
    "Agreed actions": "Aftalte handlinger",
    "New action": "Ny handling",
    "A small, concrete step…": "Et lille, konkret skridt…",
    "&Add": "T&ilføj",
    "Make &goal": "Gør til &mål",
    "Add the selected action to the job plan as a goal": "Føj den valgte handling til jobplanen som et mål",
    "Remove": "Fjern",
    "Move up": "Flyt op",
    "Move down": "Flyt ned",
    "Ratings 0-10 (optional)": "Vurderinger 0-10 (valgfrit)",
    "Next appointment date": "Dato for næste aftale",
    "Next appointment time": "Tidspunkt for næste aftale",
    "&Next appointment:": "Næste &aftale:",
    "&Save session": "&Gem samtale",
    "N&otes": "N&oter",
    "The participant's own &words": "De&ltagerens egne ord",  # Alt+R: the Rediger menu
    "Select an action first.": "Vælg først en handling.",
    "Added to the job plan as a goal (version %1).": "Føjet til jobplanen som et mål (version %1).",
    "Unsaved text from %1 was kept as a draft. Restore it?": "Tekst fra %1, der ikke blev gemt, er bevaret som kladde. Vil du gendanne den?",
    "Draft restored – not saved yet": "Kladden er gendannet – endnu ikke gemt",
    "Saved": "Gemt",
    "Unsaved session": "Samtalen er ikke gemt",
    "This session has unsaved changes.": "Samtalen har ændringer, der ikke er gemt.",
    "Save": "Gem",
    "Keep as draft": "Behold som kladde",
    "Discard": "Kassér",
    # --- job plan ---------------------------------------------------------------------
    "Versions": "Versioner",
    "Values": "Værdier",
    "Add a value": "Tilføj en værdi",
    "Pick or type a value…": "Vælg eller skriv en værdi…",
    "Add &value": "Tilføj &værdi",
    "Remove value": "Fjern værdi",
    "Direction": "Retning",
    "The kind of work and working life the participant is aiming for": "Den slags arbejde og arbejdsliv, deltageren sigter mod",
    "&Save as new version": "&Gem som ny version",
    "Ve&rsions:": "Ve&rsioner:",
    "Realistic goals": "Realistiske mål",
    "Accommodation needs": "Skånebehov",
    "Hours": "Timer",
    "Hours per week &now:": "Timer pr. uge &nu:",
    "&Target hours per week:": "&Mål for timer pr. uge:",
    "Step plan (the municipality approves each step):": "Optrapningsplan (kommunen godkender hvert trin):",
    "Version %1 of %2": "Version %1 af %2",
    "No plan saved yet": "Ingen plan gemt endnu",
    "An earlier version, shown read-only.": "En tidligere version, vist skrivebeskyttet.",
    "Saved as a new version.": "Gemt som ny version.",
    "Add &goal": "Tilføj må&l",
    "Goals": "Mål",
    "Add &need": "Tilføj &behov",
    "Hours per week now": "Timer pr. uge nu",
    "Target hours per week": "Mål for timer pr. uge",
    "Add &step": "Tilføj &trin",
    "Step plan": "Optrapningsplan",
    "Goal": "Mål",
    "Due": "Frist",
    "Category": "Kategori",
    "Description": "Beskrivelse",
    "Until": "Indtil",
    "From": "Fra",
    "Hours per week": "Timer pr. uge",
    "A small, concrete step": "Et lille, konkret skridt",
    "Describe the function, not the diagnosis": "Beskriv funktionen, ikke diagnosen",
    # --- outcome ----------------------------------------------------------------------
    "Saved.": "Gemt.",
    "Export report": "Eksportér rapport",
    "Not recorded yet": "Ikke registreret endnu",
    "Your summary and recommendation for the caseworker. It appears in the report as "
    "written.": "Din opsummering og anbefaling til sagsbehandleren. Den kommer med i rapporten, "
    "præcis som du skriver den.",
    "&Status": "St&atus",
    "Outcome at the end": "Resultat ved forløbets afslutning (udslusning)",
    "&Outcome": "Res&ultat",
    "&Hours per week": "T&imer pr. uge",
    "Outcome &date": "Resultatets &dato",
    "Drop-out": "Afbrudt forløb",
    "Dropped out &on": "Afbrudt de&n",
    "&Reason": "Årsa&g",
    "Report summary": "Opsummering til rapporten",
    "&Export report…": "&Eksportér rapport…",
    # --- export dialog ----------------------------------------------------------------
    "No report to the municipality: the participant has not consented, or withdrew the "
    "consent.": "Ingen rapport til kommunen: deltageren har ikke givet samtykke eller har trukket "
    "samtykket tilbage.",
    "The participant": "Deltageren",
    "Building the preview…": "Laver forhåndsvisningen…",
    "%n page(s)": ("%n side", "%n sider"),
    "PDF files (*.pdf)": "PDF-filer (*.pdf)",
    "Confirm it is you": "Bekræft, at det er dig",
    "This export includes session notes, the full CPR number or everything about the "
    "person. Enter your passphrase:": "Denne eksport indeholder samtalenoter, det fulde CPR-nummer eller alt om personen. "
    "Skriv din adgangssætning:",
    "The two passwords differ.": "De to adgangskoder er ikke ens.",
    "The password must have at least %n characters.": (
        "Adgangskoden skal have mindst %n tegn.",
        "Adgangskoden skal have mindst %n tegn.",
    ),
    "Choose at least one section.": "Vælg mindst ét afsnit.",
    "Wrong passphrase. Nothing was exported.": "Forkert adgangssætning. Intet er eksporteret.",
    "Exporting…": "Eksporterer…",
    "Exported to %1. The disclosure is recorded.": "Eksporteret til %1. Videregivelsen er registreret.",
    "Remember: send the password by another channel.": "Husk: send adgangskoden ad en anden vej.",
    "The export failed.": "Eksporten mislykkedes.",
    "Status report": "Statusrapport",
    "Final report": "Slutrapport",
    "Participant's own copy (access request)": "Deltagerens egen kopi (indsigtsanmodning)",
    "Danish": "Dansk",
    "English": "Engelsk",
    "Caseworker, municipality": "Sagsbehandler, kommune",
    "Sections": "Afsnit",
    "The participant's own copy holds everything recorded about them, the disclosure log and "
    "their audit entries, with the participant file (JSON) attached.": "Deltagerens egen kopi indeholder alt, hvad der er registreret om vedkommende, "
    "oversigten over videregivelser og vedkommendes linjer i aktivitetsloggen, med "
    "deltagerfilen (JSON) vedhæftet.",
    "Repeat the password": "Gentag adgangskoden",
    "Optional, at least %n characters": ("Valgfri, mindst %n tegn", "Valgfri, mindst %n tegn"),
    "The PDF is encrypted with AES-256. Send the password by another channel (phone or text "
    "message), never in the same e-mail.": "PDF-filen krypteres med AES-256. Send adgangskoden ad en anden vej (telefon eller "
    "sms), aldrig i samme e-mail.",
    "Report type": "Rapporttype",
    "Report language": "Rapportens sprog",
    "Recipient": "Modtager",
    "Password protection": "Beskyttelse med adgangskode",
    "Password": "Adgangskode",
    "Repeat": "Gentag",
    "Export…": "Eksportér…",
    "Close": "Luk",
    "Course": "Forløb",
    "Attendance": "Fremmøde",
    "PSS-10 before and after": "PSS-10 før og efter",
    "Job plan": "Jobplan",
    "Accommodation needs and hours": "Skånebehov og timeplan",
    "Outcome": "Resultat",
    "Summary and recommendation": "Opsummering og anbefaling",
    # A sensitive section's tick box: its label (reports/sections.py) and the mark.
    "%1 (sensitive)": "%1 (følsomt)",
    "Sensitive – include only when the recipient needs it:": "Følsomt – tag kun med, når modtageren har brug for det:",
    "Sensitive: not part of the minimal report. Include it only when the recipient needs it; "
    "you will be asked for your passphrase.": "Følsomt: ikke en del af den minimale rapport. Tag det kun med, når modtageren har "
    "brug for det; du bliver bedt om din adgangssætning.",
    # --- settings ---------------------------------------------------------------------
    "Settings": "Indstillinger",
    " months": " måneder",
    "Follow the system": "Følg systemet",
    "&Admission threshold (total ≥):": "&Optagelsesgrænse (samlet score ≥):",
    "Standard &deviation (reliable change):": "Standard&afvigelse (pålidelig ændring):",
    "&Reliability r:": "&Reliabilitet r:",
    "This vault": "Denne boks",
    "&Coach name:": "&Coachens navn:",
    "Offer erasure &after the course ended:": "Foreslå sletning &efter forløbets afslutning:",
    "This computer": "Denne computer",
    "&Lock after idle:": "&Lås efter inaktivitet:",
    "Lan&guage:": "&Sprog:",
    "A new language takes effect when CoachDesk restarts.": "Et nyt sprog træder i kraft, når CoachDesk startes igen.",
    # --- audit log --------------------------------------------------------------------
    "Time (UTC)": "Tidspunkt (UTC)",
    "Action": "Handling",
    "Participant": "Deltager",
    "Details": "Detaljer",
    "(redacted after erasure)": "(fjernet efter sletning)",
    "erased participant": "slettet deltager",
    "Audit log": "Aktivitetslog",
    "Filter by action": "Filtrér efter handling",
    "Filter by participant": "Filtrér efter deltager",
    "&Action:": "&Handling:",
    "&Participant:": "&Deltager:",
    "Audit events": "Hændelser i aktivitetsloggen",
    "The audit chain is BROKEN: {first}. Run 'coachdesk check' and restore a backup.": "Aktivitetsloggens kæde er BRUDT: {first}. Kør 'coachdesk check', og gendan en "
    "sikkerhedskopi.",
    "The audit chain is intact (%n event(s)).": (
        "Aktivitetsloggens kæde er intakt (%n hændelse).",
        "Aktivitetsloggens kæde er intakt (%n hændelser).",
    ),
    "All actions": "Alle handlinger",
    "All participants": "Alle deltagere",
    "Vault created": "Boks oprettet",
    "Unlocked": "Låst op",
    "Failed unlock": "Mislykket oplåsning",
    "Locked": "Låst",
    "Passphrase changed": "Adgangssætning ændret",
    "Participant created": "Deltager oprettet",
    "Participant changed": "Deltager ændret",
    "Participant opened": "Deltager åbnet",
    "Participant erased": "Deltager slettet",
    "PSS-10 saved": "PSS-10 gemt",
    "PSS-10 changed": "PSS-10 ændret",
    "PSS-10 deleted": "PSS-10 slettet",
    "Session saved": "Samtale gemt",
    "Session changed": "Samtale ændret",
    "Session deleted": "Samtale slettet",
    "Job plan saved": "Jobplan gemt",
    "Attendance saved": "Fremmøde gemt",
    "Import": "Import",
    "Export": "Eksport",
    "Report": "Rapport",
    "Cohort report": "Effektrapport for holdet",
    "Restore": "Gendan",
    "Search": "Søgning",
    "Settings changed": "Indstillinger ændret",
    # --- backup -----------------------------------------------------------------------
    "Backup": "Sikkerhedskopi",
    "Backups are encrypted like the vault: they open only with your passphrase or the "
    "recovery code. Keep them on an external drive or a network folder, not only on this "
    "laptop. CoachDesk makes one automatically each day you close it, and keeps the last 7 "
    "daily and 4 weekly backups.": "Sikkerhedskopier er krypteret ligesom boksen: de kan kun åbnes med din "
    "adgangssætning eller gendannelseskoden. Gem dem på et eksternt drev eller i en "
    "netværksmappe, ikke kun på denne bærbare. CoachDesk tager automatisk en "
    "sikkerhedskopi hver dag, når du lukker programmet, og gemmer de seneste 7 daglige og "
    "4 ugentlige sikkerhedskopier.",
    "No backup folder chosen": "Ingen mappe til sikkerhedskopier valgt",
    "Backup folder": "Mappe til sikkerhedskopier",
    "Choose...": "Vælg...",
    "Backup folder:": "Mappe til sikkerhedskopier:",
    "Last good backup:": "Seneste gyldige sikkerhedskopi:",
    "Backups in the folder": "Sikkerhedskopier i mappen",
    "Back up now": "Tag sikkerhedskopi nu",
    "Backups in this folder:": "Sikkerhedskopier i denne mappe:",
    "never": "aldrig",
    "There is no backup of this vault yet. Choose a folder and make one now.": "Der er endnu ingen sikkerhedskopi af denne boks. Vælg en mappe, og tag en nu.",
    "There is no backup of this vault yet. Choose a backup folder (an external drive or a "
    "network folder) and make one now.": "Der er endnu ingen sikkerhedskopi af boksen. Vælg en mappe til sikkerhedskopier (et "
    "eksternt drev eller en netværksmappe), og tag en kopi nu.",
    "The last backup is %n day(s) old. Make a backup now, so that a lost or broken laptop "
    "does not lose your records.": (
        "Den seneste sikkerhedskopi er %n dag gammel. Tag en ny nu, så en bortkommen eller "
        "ødelagt computer ikke koster dine journaler.",
        "Den seneste sikkerhedskopi er %n dage gammel. Tag en ny nu, så en bortkommen eller "
        "ødelagt computer ikke koster dine journaler.",
    ),
    "The last backup is %n day(s) old. Make one now.": (
        "Den seneste sikkerhedskopi er %n dag gammel. Tag en ny nu.",
        "Den seneste sikkerhedskopi er %n dage gammel. Tag en ny nu.",
    ),
    "Choose the backup folder": "Vælg mappen til sikkerhedskopier",
    "The backup folder {folder} is not available. Is the drive connected?": "Mappen til sikkerhedskopier {folder} er ikke tilgængelig. Er drevet tilsluttet?",
    "Writing and verifying the backup...": "Skriver og kontrollerer sikkerhedskopien...",
    "Backup written and verified: {name}": "Sikkerhedskopien er skrevet og kontrolleret: {name}",
    "The backup failed.": "Sikkerhedskopieringen mislykkedes.",
    "Made": "Taget",
    "Size": "Størrelse",
    # --- restore ------------------------------------------------------------------------
    "Restore a backup": "Gendan en sikkerhedskopi",
    "A backup is restored into an empty folder, so that nothing is overwritten. It opens with "
    "the passphrase or the recovery code that was in force when the backup was made.": "En sikkerhedskopi gendannes i en tom mappe, så intet bliver overskrevet. Den åbnes "
    "med den adgangssætning eller gendannelseskode, der gjaldt, da sikkerhedskopien blev "
    "taget.",
    "Backup file": "Sikkerhedskopi",
    "Backup file:": "Sikkerhedskopi:",
    "Checking and restoring the backup...": "Kontrollerer og gendanner sikkerhedskopien...",
    "Choose a backup": "Vælg en sikkerhedskopi",
    "Choose an empty folder": "Vælg en tom mappe",
    "CoachDesk backups (*.cdbackup)": "CoachDesk-sikkerhedskopier (*.cdbackup)",
    "Made {when}; checksum correct.": "Taget {when}; kontrolsummen er korrekt.",
    "Passphrase of the backup": "Sikkerhedskopiens adgangssætning",
    "Passphrase:": "Adgangssætning:",
    "Recovery code:": "Gendannelseskode:",
    "Restore into folder": "Gendan i mappen",
    "Restore into:": "Gendan i:",
    "Restored %n participant(s).": ("%n deltager er gendannet.", "%n deltagere er gendannet."),
    "Use the recovery code instead": "Brug gendannelseskoden i stedet",
    "coachdesk-....cdbackup": "coachdesk-....cdbackup",
    # --- retention --------------------------------------------------------------------
    "Participants due for erasure": "Deltagere, der bør slettes",
    "%n participant(s) finished the course more than {months} months ago. Unless there is a "
    "reason to keep their records, erase them.": (
        "%n deltager afsluttede forløbet for mere end {months} måneder siden. Medmindre der er "
        "en grund til at gemme oplysningerne, bør du slette dem.",
        "%n deltagere afsluttede forløbet for mere end {months} måneder siden. Medmindre der "
        "er en grund til at gemme oplysningerne, bør du slette dem.",
    ),
    "Course ended": "Forløbet sluttede",
    "Due for erasure": "Bør slettes",
    "Erase...": "Slet...",
    # --- erase ------------------------------------------------------------------------
    "Erase participant": "Slet deltager endeligt",
    "Erase <b>{name}</b> ({ref}) for good?": "Vil du slette <b>{name}</b> ({ref}) endeligt?",
    "This cannot be undone. Every record of this person is removed from the vault; the audit "
    "log keeps only an anonymous note that an erasure happened. Backups made before today "
    "still hold the person until they rotate out (at most five weeks).": "Det kan ikke fortrydes. Alle oplysninger om personen fjernes fra boksen; "
    "aktivitetsloggen beholder kun en anonym note om, at der er slettet. Sikkerhedskopier "
    "fra før i dag indeholder stadig personen, indtil de udskiftes (højst fem uger).",
    "Type the participant's ref <b>{ref}</b> to confirm:": "Skriv deltagerens ref. <b>{ref}</b> for at bekræfte:",
    "Participant's ref, to confirm the erasure": "Deltagerens ref. til bekræftelse af sletningen",
    "Erase for good": "Slet endeligt",
    "Erasing": "Sletter",
    "PSS-10 questionnaire(s)": "PSS-10-skema(er)",
    "session log(s) with notes": "samtale(r) med noter",
    "group attendance record(s)": "registrering(er) af fremmøde i gruppen",
    "job plan version(s)": "version(er) af jobplanen",
    "disclosure record(s)": "registrering(er) af videregivelse",
    "unsaved draft(s)": "kladde(r), der ikke er gemt",
    "The personal details and:": "Personoplysningerne og:",
    "The personal details (there are no other records).": "Personoplysningerne (der er ingen andre registreringer).",
    # the cohort effect report (ui/cohort_dialog.py)
    "Cohort effect re&port…": "&Effektrapport…",
    "Cohort effect report": "Effektrapport",
    "All courses (no period)": "Alle forløb (ingen periode)",
    "Excel (semicolon, decimal comma)": "Excel (semikolon, decimalkomma)",
    "RFC 4180 (comma, decimal point)": "RFC 4180 (komma, decimalpunktum)",
    "Courses started from": "Forløb startet fra",
    "to": "til",
    "Metric": "Nøgletal",
    "Count": "Antal",
    "What is hidden, and why": "Hvad er skjult, og hvorfor",
    "Export &PDF…": "Eksportér &PDF…",
    "Export &CSV…": "Eksportér &CSV…",
    "CSV format": "CSV-format",
    "The first month is after the last one.": "Den første måned ligger efter den sidste.",
    "Counting…": "Tæller…",
    "%n number(s) show as «<5» because they are between 1 and 4: so few people could be "
    "recognised.": (
        "%n tal vises som »<5«, fordi det er mellem 1 og 4: så få personer ville kunne genkendes.",
        "%n tal vises som »<5«, fordi de er mellem 1 og 4: så få personer ville kunne genkendes.",
    ),
    "Withheld because they could otherwise be worked out from the other numbers (for "
    "example, the three verdicts add up to the number of pairs): %1.": (
        "Udeladt, fordi de ellers kunne regnes ud af de andre tal (fx giver de tre "
        "vurderinger tilsammen antallet af parrede målinger): %1."
    ),
    "Withheld because comparing with a cohort report you have already exported would "
    "reveal a difference of 1-4 people: %1.": (
        "Udeladt, fordi en sammenligning med en effektrapport, du allerede har eksporteret, "
        "ellers ville afsløre en forskel på 1-4 personer: %1."
    ),
    "Means and confidence intervals over fewer than 5 people are not shown.": (
        "Gennemsnit og konfidensintervaller for færre end 5 personer vises ikke."
    ),
    "No number had to be hidden in this report.": "Ingen tal skulle skjules i denne rapport.",
    "The report holds no names, CPR numbers or dates. When you export it, its numbers "
    "(never people) are recorded in the vault, so that a later report cannot be subtracted "
    "from it.": (
        "Rapporten indeholder ingen navne, CPR-numre eller datoer. Når du eksporterer den, "
        "gemmes dens tal (aldrig personer) i boksen, så en senere rapport ikke kan trækkes "
        "fra den."
    ),
    "CSV files (*.csv)": "CSV-filer (*.csv)",
    "Export cohort report": "Eksportér effektrapport",
    "Exported to %1. The release is recorded.": "Eksporteret til %1. Udleveringen er registreret.",
    # --- issue 12: the vault's promises (audit log, key file, recovery code) ----------
    "Disclosure recorded": "Videregivelse registreret",
    "Audit log keyed": "Aktivitetsloggen sikret med nøgle",
    "New recovery code": "Ny gendannelseskode",
    "Key derivation strengthened": "Nøgleafledning styrket",
    "Failed-unlock log altered": "Log over mislykkede oplåsninger ændret",
    "New &recovery code…": "Ny &gendannelseskode…",
    "A new recovery code was made.": "Der blev lavet en ny gendannelseskode.",
    "The key file (vault.key) does not belong to this vault (it is from another vault, or "
    "was altered) and was refused. Put back this vault's own key file, from a backup if "
    "need be.": "Nøglefilen (vault.key) hører ikke til denne boks (den er fra en anden boks, eller "
    "den er ændret) og blev afvist. Læg boksens egen nøglefil tilbage, om nødvendigt "
    "fra en sikkerhedskopi.",
    "The database was rolled back: it is older than its key file, and an older copy can "
    "bring back erased people. It was refused. Restore the latest backup (Restore a "
    "backup… on this screen).": "Databasen er rullet tilbage: den er ældre end sin nøglefil, og en ældre kopi kan "
    "bringe slettede personer tilbage. Den blev afvist. Gendan den seneste "
    "sikkerhedskopi (Gendan en sikkerhedskopi… på denne skærm).",
    "The database is empty or has no tables although its key file exists: it is damaged. "
    "Nothing was written. Restore the latest backup (Restore a backup… on this screen).": "Databasen er tom eller har ingen tabeller, selv om dens nøglefil findes: den er "
    "beskadiget. Intet blev skrevet. Gendan den seneste sikkerhedskopi (Gendan en "
    "sikkerhedskopi… på denne skærm).",
    "The database cannot be read with its key file: it is damaged, or an older copy from "
    "before the last passphrase change. Nothing was written. Restore the latest backup "
    "(Restore a backup… on this screen).": "Databasen kan ikke læses med sin nøglefil: den er beskadiget, eller den er en "
    "ældre kopi fra før sidste skift af adgangssætning. Intet blev skrevet. Gendan den "
    "seneste sikkerhedskopi (Gendan en sikkerhedskopi… på denne skærm).",
    "Wrong recovery code: it has only the letters A-Z and the digits 2-7. Check it and "
    "try again.": "Forkert gendannelseskode: den har kun bogstaverne A-Z og tallene 2-7. Kontrollér "
    "den, og prøv igen.",
    "A passphrase change was interrupted after the vault was re-encrypted. Unlock with the "
    "new passphrase or the recovery code.": "Et skift af adgangssætning blev afbrudt, efter at boksen var krypteret på ny. Lås "
    "op med den nye adgangssætning eller med gendannelseskoden.",
    "Make a new recovery code when the old one may have been seen by someone else. The old "
    "code stops working for this vault; the passphrase stays the same.": "Lav en ny gendannelseskode, hvis den gamle kan være set af andre. Den gamle kode "
    "holder op med at virke for denne boks; adgangssætningen er den samme.",
    "&Make a new code": "&Lav en ny kode",
    "This is the vault's new recovery code. The old code no longer unlocks it (old backups "
    "still open with the code of their day). It is shown only now: write it down, and keep "
    "it locked away, apart from this computer.": "Dette er boksens nye gendannelseskode. Den gamle kode låser den ikke længere op "
    "(gamle sikkerhedskopier åbner stadig med koden fra deres tid). Den vises kun nu: "
    "skriv den ned, og opbevar den låst inde, adskilt fra denne computer.",
    "I have &stored the new recovery code": "Jeg har &opbevaret den nye gendannelseskode sikkert",
    # --- issue 14: date entry, plausibility, corrections, import ---------------------
    "Type a date.": "Skriv en dato.",
    'Not a date. Type it as 15.09.2026, 150926, "today" or +7.': 'Ikke en dato. Skriv den som 15.09.2026, 150926, "i dag" eller +7.',
    "Add the year, e.g. 15.09.2026.": "Skriv også året, fx 15.09.2026.",
    "That day does not exist in that month.": "Den dag findes ikke i den måned.",
    "The year must be between 1900 and 2100.": "Året skal ligge mellem 1900 og 2100.",
    "That is more than ten years away.": "Det er mere end ti år væk.",
    "Not a date.": "Ikke en dato.",
    "dd.mm.yyyy": "dd.mm.åååå",
    'Type the date as 15.09.2026, 15-09-2026, 15092026, 150926 or 15.9.26; "today" or '
    '"i dag"; +7 for a week from today.': 'Skriv datoen som 15.09.2026, 15-09-2026, 15092026, 150926 eller 15.9.26; "i dag"; '
    "+7 for om en uge.",
    "Attendance mark deleted": "Fremmøde slettet",
    "Session restored (undo)": "Samtale genskabt (fortryd)",
    "PSS-10 restored (undo)": "PSS-10 genskabt (fortryd)",
    "Attendance mark restored (undo)": "Fremmøde genskabt (fortryd)",
    "The date is in the future: a session cannot have been held (or missed) yet. Choose "
    '"cancelled", or correct the date.': "Datoen ligger i fremtiden: en samtale kan ikke være holdt (eller udeblevet) endnu. "
    'Vælg "aflyst", eller ret datoen.',
    "The date is in the future: attendance can only be marked once the group session has "
    "taken place.": "Datoen ligger i fremtiden: fremmøde kan først registreres, når gruppemødet har "
    "fundet sted.",
    "The date is before the course start, so it has no course week.": "Datoen ligger før forløbets start og har derfor ingen forløbsuge.",
    "The course week does not match the date: that date is in week %1.": "Forløbsugen passer ikke med datoen: den dato ligger i uge %1.",
    "The date is before the course start.": "Datoen ligger før forløbets start.",
    "The date is more than %1 days after the course ended.": "Datoen ligger mere end %1 dage efter forløbets afslutning.",
    "If this is right, save again to confirm it; until then reports do not count it.": "Hvis det er rigtigt, så gem igen for at bekræfte det; indtil da tæller rapporter "
    "det ikke med.",
    "Put back.": "Genskabt.",
    "Undo (Ctrl+Z)": "Fortryd (Ctrl+Z)",
    "Participant %1": "Deltager %1",
    "Import participant file": "Importér deltagerfil",
    "Participant file": "Deltagerfil",
    "A participant file (.json)": "En deltagerfil (.json)",
    "&Choose…": "&Vælg…",
    "&Replace participants who are already in the vault (same ref)": "&Erstat deltagere, der allerede er i boksen (samme ref.)",
    "The whole file is checked first. If anything in it is wrong, nothing is imported and "
    "the problems are listed here.": "Hele filen kontrolleres først. Er noget i den forkert, importeres intet, og "
    "problemerne vises her.",
    "Problems in the file": "Problemer i filen",
    "&Import": "&Importér",
    "&File:": "&Fil:",
    "Choose a participant file": "Vælg en deltagerfil",
    "Participant files (*.json)": "Deltagerfiler (*.json)",
    "All files (*)": "Alle filer (*)",
    "Choose a participant file first.": "Vælg først en deltagerfil.",
    "The file could not be read. Check the name and that you may open it.": "Filen kunne ikke læses. Kontrollér navnet, og at du må åbne den.",
    "Imported: %1 new, %2 replaced.": "Importeret: %1 nye, %2 erstattet.",
    "Nothing was imported: %n problem(s) in the file.": (
        "Intet blev importeret: %n problem i filen.",
        "Intet blev importeret: %n problemer i filen.",
    ),
    "session": "samtale",
    "attendance mark": "fremmøde",
    "answer": "svar",
    "date": "dato",
    "week": "uge",
    "ref": "ref.",
    "name": "navn",
    "CPR": "CPR",
    "goal": "mål",
    "consent": "samtykke",
    "e-mail": "e-mail",
    "caseworker": "sagsbehandler",
    "is in the future, so the session cannot have been held yet": "ligger i fremtiden, så samtalen kan ikke være holdt endnu",
    "is in the future, so attendance cannot be marked yet": "ligger i fremtiden, så fremmøde kan ikke registreres endnu",
    "is before the referral date": "ligger før henvisningsdatoen",
    "does not match the date": "passer ikke med datoen",
    "Compare job plan versions": "Sammenlign versioner af jobplanen",
    "Older version": "Ældre version",
    "Newer version": "Nyere version",
    "Changes": "Ændringer",
    "&From:": "&Fra:",
    "&To:": "&Til:",
    "%n change(s).": ("%n ændring.", "%n ændringer."),
    "The two versions are the same.": "De to versioner er ens.",
    "Value": "Værdi",
    "Accommodation need": "Skånebehov",
    "Step": "Trin",
    "due %1": "frist %1",
    "until %1": "til %1",
    "from %1: %2 hours": "fra %1: %2 timer",
    "%1 added: %2": "%1 tilføjet: %2",
    "%1 removed: %2": "%1 fjernet: %2",
    "%1 changed: %2 → %3": "%1 ændret: %2 → %3",
    "&Compare versions…": "Sa&mmenlign versioner…",
    "Nothing was changed, so no new version was made.": "Intet er ændret, så der er ikke lavet en ny version.",
    "&Import participant file…": "&Importér deltagerfil…",
    "This is not an e-mail address (name@example.dk).": "Det er ikke en e-mailadresse (navn@eksempel.dk).",
    "Change status": "Skift status",
    "Group attendance marks": "Registreret fremmøde",
    "Delete mark": "Slet fremmøde",
    "Delete the selected mark (Delete key); Ctrl+Z puts it back": "Slet det valgte fremmøde (Delete-tasten); Ctrl+Z fortryder",
    "The final PSS-10 and the outcome are recorded: mark the course as completed?": "Afsluttende PSS-10 og resultat er registreret: markér forløbet som gennemført?",
    "The course is in week %1: change the status to %2?": "Forløbet er i uge %1: skift status til %2?",
    "%n mark(s) not counted: confirm or correct them.": (
        "%n registrering tælles ikke med: bekræft eller ret den.",
        "%n registreringer tælles ikke med: bekræft eller ret dem.",
    ),
    "present": "til stede",
    "absent": "fraværende",
    "not counted": "tælles ikke med",
    "The mark of %1 was deleted.": "Fremmødet den %1 er slettet.",
    "De&lete": "S&let",
    "Delete the selected questionnaire (Delete key); Ctrl+Z puts it back": "Slet det valgte skema (Delete-tasten); Ctrl+Z fortryder",
    "The PSS-10 of %1 was deleted.": "PSS-10 fra %1 er slettet.",
    "Delete session": "Slet samtale",
    "Delete the selected session (Delete key); Ctrl+Z puts it back": "Slet den valgte samtale (Delete-tasten); Ctrl+Z fortryder",
    "The session of %1 was deleted.": "Samtalen fra %1 er slettet.",
    "Conversation number": "Samtalens nummer",
    "Template": "Skabelon",
    "No template": "Ingen skabelon",
    "Temp&late:": "Ska&belon:",
    "First conversation": "Første samtale",
    "Midway conversation": "Midtvejssamtale",
    "Closing conversation": "Afsluttende samtale",
    "What takes up the most room right now?": "Hvad fylder mest lige nu?",
    "How do you notice the stress: in the body, the thoughts, the sleep?": "Hvordan mærker du stressen: i kroppen, i tankerne, i søvnen?",
    "What do you want from the course?": "Hvad vil du gerne have ud af forløbet?",
    "Agreed for next time:": "Aftalt til næste gang:",
    "What has worked since the group sessions?": "Hvad har virket siden gruppeforløbet?",
    "Which tools do you use, and when?": "Hvilke redskaber bruger du, og hvornår?",
    "Where are your boundaries at work now?": "Hvor går dine grænser på arbejdet nu?",
    "The job plan: the next small step?": "Jobplanen: hvad er det næste lille skridt?",
    "What has changed since the start?": "Hvad har ændret sig siden starten?",
    "What will you keep doing after the course?": "Hvad vil du blive ved med efter forløbet?",
    "Who supports you, at work and at home?": "Hvem støtter dig, på arbejdet og derhjemme?",
    "The job plan and the steps ahead:": "Jobplanen og de næste skridt:",
    "Conversation %1 of %2": "Samtale %1 af %2",
    "Follows the date and the course start.": "Følger datoen og forløbets start.",
    "That day has been marked again since, so the deleted mark was not put back.": "Den dag er registreret igen siden, så det slettede fremmøde er ikke lagt tilbage.",
    "template for it: %1": "skabelon til den: %1",
    # --- handover between vaults (issue 17) ----------------------------------------
    "Hand over to another coach": "Overdrag til anden coach",
    "Hand o&ver to another coach…": "Overdrag til anden &coach…",
    "Writes the complete record of <b>{name}</b> ({ref}) to one encrypted file that only "
    "the receiving coach can open. Send it by a channel your organisation trusts. The "
    "handover is recorded in the disclosure log before the file appears.": "Skriver hele journalen for <b>{name}</b> ({ref}) i én krypteret fil, som kun den "
    "modtagende coach kan åbne. Send den ad en vej, jeres organisation har godkendt. "
    "Overdragelsen noteres i loggen over videregivelser, før filen bliver synlig.",
    "To the receiving coach's &key": "Til den modtagende coachs &nøgle",
    "With a pass&phrase (the receiver has no key yet)": "Med en adgangs&sætning (modtageren har endnu ingen nøgle)",
    "The receiving coach's key": "Den modtagende coachs nøgle",
    "The receiving coach finds the key under Settings -> My receiving key. Paste it, or "
    "type it as it is read aloud (spaces do not matter).": "Den modtagende coach finder nøglen under Indstillinger -> Min modtagernøgle. Indsæt "
    "den, eller skriv den, mens den bliver læst op (mellemrum er ligegyldige).",
    "Handover passphrase": "Adgangssætning til overdragelsen",
    "Handover &passphrase:": "&Adgangssætning til overdragelsen:",
    "Repeat the handover passphrase": "Gentag adgangssætningen til overdragelsen",
    "Tell the receiver the passphrase by phone, never in the same e-mail as the file.": "Giv modtageren adgangssætningen i telefonen, aldrig i samme e-mail som filen.",
    "Repeat:": "Gentag:",
    "Handover file": "Overdragelsesfil",
    "Where to save the file (.age)": "Hvor filen skal gemmes (.age)",
    "Archive the participant now, so the record leaves your caseload. When the receiving "
    "coach confirms that the import worked, erase the participant with Erase… on the "
    "participant page.": "Arkivér deltageren nu, så journalen forlader din deltagerliste. Når den modtagende "
    "coach bekræfter, at importen lykkedes, så slet deltageren med Slet… på "
    "deltagersiden.",
    "&Archive the participant": "&Arkivér deltageren",
    "&Write handover file": "Skriv &overdragelsesfil",
    "Save the handover file": "Gem overdragelsesfilen",
    "Encrypted handover files (*.age)": "Krypterede overdragelsesfiler (*.age)",
    "handover": "overdragelse",
    "Choose where to save the handover file first.": "Vælg først, hvor overdragelsesfilen skal gemmes.",
    "A file with that name exists already. Choose another name.": "Der findes allerede en fil med det navn. Vælg et andet navn.",
    "Paste or type the receiving coach's key first.": "Indsæt eller skriv først den modtagende coachs nøgle.",
    "The handover passphrase must have at least %n characters; a few random words are best.": (
        "Adgangssætningen til overdragelsen skal have mindst %n tegn; nogle få tilfældige "
        "ord er bedst.",
        "Adgangssætningen til overdragelsen skal have mindst %n tegn; nogle få tilfældige "
        "ord er bedst.",
    ),
    "The handover file is written and the disclosure is recorded (SHA-256 %1…).": "Overdragelsesfilen er skrevet, og videregivelsen er noteret (SHA-256 %1…).",
    "Archived": "Arkiveret",
    "age1…": "age1…",
    "Receiver confirmed: erase…": "Modtageren har bekræftet: slet…",
    "Handed over to another coach on %1. When the receiving coach confirms that the "
    "import worked, erase the participant here.": "Overdraget til anden coach den %1. Når den modtagende coach bekræfter, at importen "
    "lykkedes, så slet deltageren her.",
    "A participant file (.json) or a handover file (.age)": "En deltagerfil (.json) eller en overdragelsesfil (.age)",
    "Participant and handover files (*.json *.age)": "Deltager- og overdragelsesfiler (*.json *.age)",
    "This handover file is protected with a passphrase. Type the passphrase the sender told "
    "you, then press Import.": "Overdragelsesfilen er beskyttet med en adgangssætning. Skriv den adgangssætning, "
    "afsenderen har givet dig, og tryk Importér.",
    "My receiving key": "Min modtagernøgle",
    "Other coaches encrypt a participant they hand over to you with this key. It is not "
    "secret: give it by e-mail, chat or phone.": "Andre coaches krypterer en deltager, de overdrager til dig, med denne nøgle. Den er "
    "ikke hemmelig: giv den videre på e-mail, chat eller telefon.",
    "C&opy": "K&opiér",
    "To read aloud, in groups of four:": "Til at læse op, i grupper af fire:",
    "My receiving key in groups of four": "Min modtagernøgle i grupper af fire",
    "Copied": "Kopieret",
    "The file is not an encrypted handover file (it does not begin with "
    "age-encryption.org/v1). Nothing was changed.": "Filen er ikke en krypteret overdragelsesfil (den begynder ikke med "
    "age-encryption.org/v1). Intet er ændret.",
    "The file is an armoured (text) age file; CoachDesk reads the binary form. Ask for the "
    "file without armour. Nothing was changed.": "Filen er en age-fil i tekstform (armour); CoachDesk læser den binære form. Bed om "
    "filen uden armour. Intet er ændret.",
    "The encrypted file is damaged or cut off: its header is incomplete. Ask for a new "
    "copy. Nothing was changed.": "Den krypterede fil er beskadiget eller afkortet: dens hoved er ufuldstændigt. Bed "
    "om en ny kopi. Intet er ændret.",
    "The encrypted file is damaged or cut off (it does not decrypt whole). Ask for a new "
    "copy. Nothing was changed.": "Den krypterede fil er beskadiget eller afkortet (den kan ikke dekrypteres hel). "
    "Bed om en ny kopi. Intet er ændret.",
    "The file is not encrypted to this vault's receiving key: it was made for another "
    "receiver. Nothing was changed.": "Filen er ikke krypteret til denne boks' modtagernøgle: den er lavet til en anden "
    "modtager. Intet er ændret.",
    "The handover passphrase is wrong. Nothing was changed.": "Adgangssætningen til overdragelsen er forkert. Intet er ændret.",
    "This is not a receiving key: it starts with age1 and has 62 characters (the receiver "
    "finds it under Settings -> My receiving key).": "Det er ikke en modtagernøgle: den begynder med age1 og har 62 tegn (modtageren "
    "finder den under Indstillinger -> Min modtagernøgle).",
    "The receiving key has a typing error (its check digits do not match). Copy it again "
    "from the receiver.": "Modtagernøglen har en tastefejl (dens kontroltegn passer ikke). Kopiér den igen "
    "fra modtageren.",
    "That is this vault's own receiving key: give the receiving coach's key. Nothing was "
    "written.": "Det er denne boks' egen modtagernøgle: angiv den modtagende coachs nøgle. Intet er "
    "skrevet.",
    # --- report fields, channels, PDF/A (issue 15) -----------------------------------
    "Status note (statusnotat)": "Statusnotat",
    "Who sends the report": "Hvem sender rapporten",
    "Every report names its sender, so the caseworker can answer. This is asked once; you "
    "can change it in Settings.": "Hver rapport nævner afsenderen, så sagsbehandleren kan svare. Du bliver kun spurgt "
    "én gang; du kan ændre det under Indstillinger.",
    "Your name": "Dit navn",
    "Con&tact on reports:": "Kon&takt på rapporter:",
    "Phone or e-mail": "Telefon eller e-mail",
    "Summary": "Opsummering",
    "Recommendation / next steps": "Anbefaling / næste skridt",
    "Digital Post": "Digital Post",
    "Secure e-mail": "Sikker e-mail",
    "Handed over in person": "Udleveret personligt",
    "An encrypted PDF cannot be archived: the municipality's case system files PDF/A, "
    "which may not be encrypted. Send the municipality the plain PDF through Digital Post "
    "or secure e-mail instead.": "En krypteret PDF kan ikke arkiveres: kommunens sagssystem journaliserer PDF/A, som "
    "ikke må være krypteret. Send i stedet kommunen den ukrypterede PDF med Digital Post "
    "eller sikker e-mail.",
    "Sent by": "Sendes med",
    "Work capacity today": "Muligheder for arbejde (arbejdsevne) i dag",
    "Accommodations": "Skånehensyn",
    "Hours and gradual return": "Timetal og optrapning",
    "Resources and challenges": "Ressourcer og udfordringer",
    "Progress since the start": "Progression siden start",
    "Report f&ields": "Rapportfe&lter",
    "report fields": "rapportfelterne",
    "What the participant can do at work today, described by function (hours, tasks, "
    "pace), never by diagnosis.": "Hvad deltageren kan på arbejdet i dag, beskrevet ud fra funktion (timer, opgaver, "
    "tempo), aldrig ud fra diagnose.",
    "Strengths and support the participant has.": "Styrker og støtte, deltageren har.",
    "What still makes work hard.": "Hvad der stadig gør arbejdet svært.",
    "The change since the start, in your words. The report adds the PSS-10 change.": "Udviklingen siden start, med dine ord. Rapporten tilføjer ændringen i PSS-10.",
    "Your recommendation and the next steps.": "Din anbefaling og de næste skridt.",
    "Not stated": "Ikke angivet",
    "Full return": "Fuld raskmelding",
    "Partial return (delvis raskmelding)": "Delvis raskmelding",
    "Step plan, week by week": "Optrapning uge for uge",
    "&Add week": "&Tilføj uge",
    "Remo&ve week": "F&jern uge",
    "&Normal hours per week": "&Normal arbejdstid pr. uge",
    "Hours per week &now": "Timer pr. uge &nu",
    "Expected &return": "&Forventet tilbagevenden",
    "Return &date": "&Dato for tilbagevenden",
    "Step plan, week by week (week 1 is the first week of the plan):": "Optrapning uge for uge (uge 1 er planens første uge):",
    "Re&sources": "&Ressourcer",
    "C&hallenges": "&Udfordringer",
    "Week %1 leaves less than 4 hours of absence a week: a partial return (delvis "
    "raskmelding) needs at least 4.": "Uge %1 giver mindre end 4 timers fravær om ugen: delvis raskmelding kræver mindst 4.",
    "Check the step plan: each row needs a week from 1 to 52 and hours from 0 to 80, and a "
    "week can have only one row.": "Tjek optrapningsplanen: hver række skal have en uge fra 1 til 52 og timer fra 0 til "
    "80, og en uge kan kun have én række.",
    # --- questionnaires from the registry (issue 16) ----------------------------------
    "Edit %1": "Rediger %1",
    "New %1": "Nyt %1",
    "⚠ This wording has not been verified against the published questionnaire; see the "
    "instrument's documentation before using it with participants.": "⚠ Denne ordlyd er ikke kontrolleret mod det publicerede spørgeskema; se "
    "skemaets dokumentation, før det bruges med deltagere.",
    "Type %1-%2 for each item; Up/Down or Backspace go back, Delete clears, Ctrl+S saves.": "Tast %1-%2 for hvert spørgsmål; Op/Ned eller Backspace går tilbage, Delete "
    "rydder, Ctrl+S gemmer.",
    "Score": "Score",
    "%1: none": "%1: ingen",
    "%1 of %2 answered.": "%1 af %2 besvaret.",
    "* A missing answer is prorated by the questionnaire's missing-item rule.": "* Et manglende svar opregnes efter skemaets regel for manglende svar.",
    "Too many answers are missing for a score under this questionnaire's missing-item rule.": "Der mangler for mange svar til en score efter skemaets regel for manglende svar.",
    "Every answer must be %1-%2 or empty.": "Hvert svar skal være %1-%2 eller tomt.",
    "Answers: type %1-%2 for each item": "Svar: tast %1-%2 for hvert spørgsmål",
    "Questionnaire": "Spørgeskema",
    "Questionnaire:": "Spørgeskema:",
    "Answers item by item": "Svar spørgsmål for spørgsmål",
    "&Questionnaires": "Spørges&kemaer",
    "Before/after: needs a scored screening and a scored final questionnaire.": "Før/efter: kræver en scoret screening og et scoret slutskema.",
    "meaningful improvement": "betydende forbedring",
    "meaningful worsening": "betydende forværring",
    "no meaningful change": "ingen betydende ændring",
    "no published rule for a meaningful change": "ingen publiceret regel for betydende ændring",
    "Before %1, after %2, change %3: %4": "Før %1, efter %2, ændring %3: %4",
    "Chart of %1": "Graf over %1",
    "No questionnaires yet.": "Ingen skemaer endnu.",
    "Item": "Spørgsmål",
    "Questionnaires in the course": "Spørgeskemaer i forløbet",
    "Week 4": "Uge 4",
    "Week 12": "Uge 12",
    "Ask %1: %2": "Spørg om %1: %2",
    "screening": "screening",
    "week 4": "uge 4",
    "week 12": "uge 12",
    "follow-up": "opfølgning",
    "%1 (%2) overdue": "%1 (%2) er overskredet",
    "%1 (%2) due": "%1 (%2) skal udfyldes",
    # --- the agenda, the group roster, calendar export (issue 14) ---------------------
    "Agenda": "Kalender",
    "&View": "&Vis",
    "&Caseload": "&Deltagere",
    "&Agenda": "&Kalender",
    "Group &roster…": "&Holdliste…",
    "&Export calendar (.ics)…": "&Eksportér kalender (.ics)…",
    "E&xport calendar (.ics)…": "&Eksportér kalender (.ics)…",
    "Group session, hold %1 (%n participant(s))": (
        "Gruppesession, hold %1 (%n deltager)",
        "Gruppesession, hold %1 (%n deltagere)",
    ),
    "Conversation": "Samtale",
    "◀ &Previous week": "◀ Forri&ge uge",
    "Page Up": "Page Up",
    "This wee&k": "Denne &uge",
    "Home": "Home",
    "&Next week ▶": "&Næste uge ▶",
    "Page Down": "Page Down",
    "&Group roster…": "Hold&liste…",
    "Day": "Dag",
    "Time": "Tid",
    "Duration": "Varighed",
    "Who": "Hvem",
    "What": "Hvad",
    "Enter opens the appointment. A conversation is planned in the participant's Sessions "
    "tab with the status Planned; group sessions are planned in the roster.": "Enter åbner aftalen. En samtale planlægges under deltagerens Samtaler med status "
    "Planlagt; gruppesessioner planlægges i holdlisten.",
    "Week %1 · %2 – %3": "Uge %1 · %2 – %3",
    "all day": "hele dagen",
    "%1 min": "%1 min.",
    "%n participant(s)": ("%n deltager", "%n deltagere"),
    "Nothing planned this week.": "Intet planlagt i denne uge.",
    "Export calendar": "Eksportér kalender",
    "To": "Til",
    "Participants are shown as": "Deltagere vises som",
    "Their ref": "Deres ref.",
    "Their initials": "Deres initialer",
    "File": "Fil",
    "F&rom:": "F&ra:",
    "&Show participants as:": "Vi&s deltagere som:",
    "Fi&le:": "&Fil:",
    "The calendar holds the planned conversations and group sessions: the ref or initials, "
    "the time, the duration and the mode. Never a name, a CPR number, themes or notes. The "
    "export is recorded in the audit log.": "Kalenderen indeholder de planlagte samtaler og gruppesessioner: ref. eller "
    "initialer, tidspunkt, varighed og samtaleform. Aldrig navn, CPR-nummer, temaer eller "
    "noter. Eksporten registreres i aktivitetsloggen.",
    "&Export": "&Eksportér",
    "Calendar files (*.ics)": "Kalenderfiler (*.ics)",
    "Type a file name for the calendar.": "Skriv et filnavn til kalenderen.",
    "%1: final PSS-10 due": "%1: afsluttende PSS-10 mangler",
    "%1: no log of the conversation planned for %2": "%1: ingen notater fra samtalen planlagt %2",
    "%1: no consent recorded before the report": "%1: intet samtykke registreret før rapporten",
    "%1: final report not sent": "%1: slutrapport ikke sendt",
    "%1: change the status to %2?": "%1: skift status til %2?",
    "group session": "gruppesession",
    "%n more reminder(s)": ("%n påmindelse mere", "%n påmindelser mere"),
    "Reminders:": "Påmindelser:",
    "Planned": "Planlagt",
    "Group roster": "Holdliste",
    "Hold": "Hold",
    "&Hold (course start):": "&Hold (forløbsstart):",
    "Date of a group session": "Dato for en gruppesession",
    "Start time of the group session": "Gruppesessionens starttidspunkt",
    "&Add session": "&Tilføj session",
    "Weeks &1-4": "Uge &1-4",
    "Add one group session a week in the group phase, on the course start's weekday": "Tilføj én gruppesession om ugen i gruppeforløbet, på forløbsstartens ugedag",
    "Remove session": "Fjern session",
    "Remove the current column's group session from the hold's plan (its marks stay)": "Fjern den markerede kolonnes gruppesession fra holdets plan (markeringerne bevares)",
    "P": "T",
    "A": "F",
    "E": "A",
    "Keys: %1 or 1 present, %2 or 2 absent, %3 or 3 excused (notice of absence), Delete "
    "removes the mark.": "Taster: %1 eller 1 til stede, %2 eller 2 fraværende, %3 eller 3 afbud, Delete "
    "fjerner markeringen.",
    "Roster": "Holdliste",
    "New &session:": "Ny &session:",
    "%1 (%n participant(s))": ("%1 (%n deltager)", "%1 (%n deltagere)"),
    "Present": "Til stede",
    "Absent": "Fraværende",
    "Excused": "Afbud",
    "No group sessions planned for this hold yet: add their dates above (Weeks 1-4 adds one "
    "a week).": "Der er endnu ingen gruppesessioner planlagt for dette hold: tilføj datoerne ovenfor "
    "(Uge 1-4 tilføjer én om ugen).",
    "No admitted participants in this hold.": "Ingen optagne deltagere på dette hold.",
    "%1 of %2 present": "%1 af %2 til stede",
    "%n notice(s) of absence": ("%n afbud", "%n afbud"),
    "If this is right, press the key again to confirm it; until then reports do not count it.": "Hvis det er rigtigt, så tryk på tasten igen for at bekræfte; indtil da tæller "
    "rapporterne det ikke med.",
    "Type the session's date.": "Skriv sessionens dato.",
    "Move to a session's column first.": "Gå først til en sessions kolonne.",
    "Mar&k as held": "Mark&er som afholdt",
    "Calendar exported": "Kalender eksporteret",
    "notice of absence": "afbud",
    "Saved. The next appointment is in the agenda.": "Gemt. Næste aftale står i kalenderen.",
    "Saved. The next appointment is not in the agenda: its date does not fit the course. "
    "Plan it as a new session if it is right.": "Gemt. Næste aftale står ikke i kalenderen: datoen passer ikke med forløbet. Planlæg "
    "den som en ny samtale, hvis den er rigtig.",
    "Group session planned": "Gruppesession planlagt",
    "Group session removed": "Gruppesession fjernet",
    "The planned conversation took place: set the status to held and write the log": "Den planlagte samtale er holdt: sæt status til afholdt og skriv notaterne",
    "The calendar (%n appointment(s)) was saved to %1.": (
        "Kalenderen (%n aftale) blev gemt i %1.",
        "Kalenderen (%n aftaler) blev gemt i %1.",
    ),
}

# Where one English word needs different Danish in different places: (context, source).
BY_CONTEXT: dict[tuple[str, str], str] = {
    ("AuditView", "Restore"): "Gendannelse",  # an event in the log, not a button
    ("ImportDialog", "job plan"): "jobplan",  # a part of a path, not a sentence's subject
    ("RosterDialog", "Total"): "I alt",  # attendance totals, not a PSS-10 score
    ("RosterDialog", "Present"): "Til stede",
}

# A plural text that the code passes without n (so Qt cannot choose the form): the
# "(er)" wording serves both until the code passes n.
WITHOUT_N: dict[str, str] = {
    "%n questionnaire(s) without a total (2 or more answers missing) not shown.": "%n skema(er) uden samlet score (2 eller flere svar mangler) vises ikke.",
}


# English singular and plural of every %n text.
EN_PLURALS: dict[str, Plural] = {
    "%1 – %2, week %3, %n theme(s)": ("%1 – %2, week %3, %n theme", "%1 – %2, week %3, %n themes"),
    "The last backup is %n day(s) old. Make a backup now, so that a lost or broken laptop "
    "does not lose your records.": (
        "The last backup is %n day old. Make a backup now, so that a lost or broken laptop "
        "does not lose your records.",
        "The last backup is %n days old. Make a backup now, so that a lost or broken laptop "
        "does not lose your records.",
    ),
    "The audit chain is intact (%n event(s)).": (
        "The audit chain is intact (%n event).",
        "The audit chain is intact (%n events).",
    ),
    "The last backup is %n day(s) old. Make one now.": (
        "The last backup is %n day old. Make one now.",
        "The last backup is %n days old. Make one now.",
    ),
    "%n participant(s) need attention": (
        "%n participant needs attention",
        "%n participants need attention",
    ),
    "%n final PSS-10 due": ("%n final PSS-10 due", "%n final PSS-10s due"),
    "questionnaires due for %n participant(s)": (
        "questionnaires due for %n participant",
        "questionnaires due for %n participants",
    ),
    "%n page(s)": ("%n page", "%n pages"),
    "Nothing was imported: %n problem(s) in the file.": (
        "Nothing was imported: %n problem in the file.",
        "Nothing was imported: %n problems in the file.",
    ),
    "%n change(s).": ("%n change.", "%n changes."),
    "%n mark(s) not counted: confirm or correct them.": (
        "%n mark not counted: confirm or correct it.",
        "%n marks not counted: confirm or correct them.",
    ),
    "The password must have at least %n characters.": (
        "The password must have at least %n character.",
        "The password must have at least %n characters.",
    ),
    "Restored %n participant(s).": ("Restored %n participant.", "Restored %n participants."),
    "The handover passphrase must have at least %n characters; a few random words are best.": (
        "The handover passphrase must have at least %n character; a few random words are best.",
        "The handover passphrase must have at least %n characters; a few random words are best.",
    ),
    "%n questionnaire(s) without a total (2 or more answers missing) not shown.": (
        "%n questionnaire without a total (2 or more answers missing) not shown.",
        "%n questionnaires without a total (2 or more answers missing) not shown.",
    ),
    "Optional, at least %n characters": (
        "Optional, at least %n character",
        "Optional, at least %n characters",
    ),
    "%n number(s) show as «<5» because they are between 1 and 4: so few people could be "
    "recognised.": (
        "%n number shows as «<5» because it is between 1 and 4: so few people could be recognised.",
        "%n numbers show as «<5» because they are between 1 and 4: so few people could be "
        "recognised.",
    ),
    "%n participant(s) finished the course more than {months} months ago. Unless there is a "
    "reason to keep their records, erase them.": (
        "%n participant finished the course more than {months} months ago. Unless there is a "
        "reason to keep their records, erase them.",
        "%n participants finished the course more than {months} months ago. Unless there is "
        "a reason to keep their records, erase them.",
    ),
    "Group session, hold %1 (%n participant(s))": (
        "Group session, hold %1 (%n participant)",
        "Group session, hold %1 (%n participants)",
    ),
    "%n participant(s)": ("%n participant", "%n participants"),
    "%n more reminder(s)": ("%n more reminder", "%n more reminders"),
    "%1 (%n participant(s))": ("%1 (%n participant)", "%1 (%n participants)"),
    "%n notice(s) of absence": ("%n notice of absence", "%n notices of absence"),
    "The calendar (%n appointment(s)) was saved to %1.": (
        "The calendar (%n appointment) was saved to %1.",
        "The calendar (%n appointments) was saved to %1.",
    ),
}


def translation_for(context: str, source: str, lang: str = "da") -> str | Plural | None:
    if lang == "en":
        return EN_PLURALS.get(source)
    return BY_CONTEXT.get((context, source), DA.get(source))


def fill(path: Path = TS, lang: str = "da") -> list[tuple[str, str]]:
    """Write every known translation into the .ts; return (context, source) still missing."""
    tree = ET.parse(path)
    missing = []
    for ctx in tree.getroot().iter("context"):
        cname = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            da = translation_for(cname, source, lang)
            if da is None:
                missing.append((cname, source))
                continue
            for child in list(tr):
                tr.remove(child)
            tr.attrib.pop("type", None)
            if msg.get("numerus") == "yes":
                forms = da if isinstance(da, tuple) else (da, da)
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                if isinstance(da, tuple):
                    if source not in WITHOUT_N:
                        raise SystemExit(f"{source!r} is not a plural entry in the .ts")
                    da = WITHOUT_N[source]
                tr.text = da
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    # lupdate's own layout (contexts at column 0), so a re-run of lupdate changes nothing.
    body = "\n".join(line.removeprefix("    ") for line in body.splitlines())
    body = body.replace("'", "&apos;")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def refresh_english() -> None:
    """The plural-only English .ts from today's sources (`make i18n` does the Danish one)."""
    root = TS.parent.parent
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (root / "coachdesk" / "ui").glob("*.py"))
    subprocess.run(
        [
            str(lupdate),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-pluralonly",
            "-target-language",
            "en_GB",
            *sources,
            "-ts",
            str(TS_EN),
        ],
        check=True,
    )


def main(argv: list[str]) -> int:
    refresh_english()
    missing = fill() + fill(TS_EN, "en")
    for ctx, source in missing:
        print(f"missing: [{ctx}] {source!r}")
    print(f"{len(missing)} string(s) without Danish")
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
