"""The reports' text catalogue: English source strings and their Danish translations.

Reports are built outside Qt (the CLI makes them too), so they cannot use Qt's
translator. Danish is the users' language and the default; English is selectable.
Labels for the vocabularies (core/vocab.py) live here as well, so one PDF never mixes
two wordings of the same status.
"""

from __future__ import annotations

import datetime as dt

LANGS = ("da", "en")
DEFAULT_LANG = "da"

# English source -> Danish. Keys are the exact strings passed to tr().
DA: dict[str, str] = {
    # document furniture
    "CoachDesk report": "CoachDesk-rapport",
    "Confidential – contains health information": "Fortroligt – indeholder helbredsoplysninger",
    "Page {page} of {pages}": "Side {page} af {pages}",
    "Status report": "Statusnotat",
    "Status note": "Statusnotat",
    "Final report": "Slutrapport",
    "Participant's copy of their data": "Borgerens kopi af egne oplysninger",
    "The course «A working life without stress» – during the course": (
        "Forløbet »Et arbejdsliv uden stress« – undervejs i forløbet"
    ),
    "The course «A working life without stress» – at its end": (
        "Forløbet »Et arbejdsliv uden stress« – ved forløbets afslutning"
    ),
    "From": "Fra",
    "To": "Til",
    "Provider": "Leverandør",
    "Coach": "Coach",
    "Contact": "Kontakt",
    "Recipient": "Modtager",
    "Caseworker": "Sagsbehandler",
    "Municipality": "Kommune",
    "Case reference": "Sagsnummer",
    "Date": "Dato",
    "Report type": "Rapporttype",
    "Participant": "Deltager",
    "Name": "Navn",
    "CPR number": "CPR-nummer",
    "CPR number (masked)": "CPR-nummer (maskeret)",
    "Purpose and legal basis": "Formål og hjemmel",
    "not stated": "ikke angivet",
    "none": "ingen",
    "yes": "ja",
    "no": "nej",
    "The course «A working life without stress»": "Forløbet »Et arbejdsliv uden stress«",
    "purpose_text": (
        "Rapporten orienterer sagsbehandleren i kommunen om borgerens forløb i "
        "stressforløbet »Et arbejdsliv uden stress« som grundlag for kommunens opfølgning. "
        "Leverandøren informerer; alle afgørelser træffes af kommunen. Rapporten "
        "indeholder kun de oplysninger, der er nødvendige for formålet."
    ),
    "legal_basis_text": (
        "Videregivelsen sker med borgerens udtrykkelige samtykke til at rapportere til "
        "kommunen, givet den {date} (databeskyttelsesforordningens art. 6, stk. 1, litra a, "
        "og art. 9, stk. 2, litra a). Borgeren kan til enhver tid trække samtykket tilbage."
    ),
    "access_purpose_text": (
        "Denne kopi indeholder alle de oplysninger, som coachen har registreret om dig, "
        "hvem de er videregivet til, og hvornår de er læst eller ændret "
        "(databeskyttelsesforordningens art. 15 om indsigt og art. 20 om dataportabilitet). "
        "Oplysningerne findes også i maskinlæsbar form (JSON) som vedhæftet fil i denne PDF."
    ),
    # sections
    "Course": "Forløb",
    "Attendance": "Fremmøde",
    "PSS-10 before and after": "PSS-10 før og efter",
    "Job plan": "Jobplan",
    "Values": "Værdier",
    "Accommodation needs": "Skånebehov",
    "Outcome": "Resultat",
    "Summary and recommendation": "Opsummering og anbefaling",
    "Session notes": "Samtalenoter",
    "Contact details": "Kontaktoplysninger",
    "Full CPR number": "Fuldt CPR-nummer",
    # course
    "Course start": "Forløbets start",
    "Course end": "Forløbets afslutning",
    "Course week on the report date": "Forløbsuge på rapportens dato",
    "Status": "Status",
    "Dropped out on": "Afbrudt den",
    "Reason": "Årsag",
    "Themes worked with in the individual sessions": "Temaer, der er arbejdet med i de individuelle samtaler",
    "{n} sessions": "{n} samtaler",
    "1 session": "1 samtale",
    "No start date recorded.": "Ingen startdato registreret.",
    "week {week} of 12": "uge {week} af 12",
    "after the course (week {week})": "efter forløbet (uge {week})",
    "before the start": "før start",
    # attendance
    "Group sessions attended": "Deltagelse i gruppesessioner",
    "{present} of {recorded} recorded": "{present} af {recorded} registrerede",
    " ({excused} with notice of absence)": " ({excused} med afbud)",
    "not recorded": "ikke registreret",
    "Individual sessions held": "Afholdte individuelle samtaler",
    "Cancelled": "Aflyst",
    "No-show": "Udeblevet",
    "{held} of up to 8": "{held} af op til 8",
    # pss10
    "Measurement": "Måling",
    "Total (0-40)": "Samlet score (0-40)",
    "Band": "Niveau",
    "prorated": "opregnet",
    "no total": "ingen total",
    "No PSS-10 has been recorded.": "Der er ikke registreret nogen PSS-10.",
    "No other questionnaire has been recorded.": "Der er ikke registreret andre spørgeskemaer.",
    "no score": "ingen score",
    "Every answer: {name}": "Alle svar: {name}",
    "{name} before and after": "{name} før og efter",
    "Meaningful improvement": "Betydende forbedring",
    "No meaningful change": "Ingen betydende ændring",
    "Meaningful worsening": "Betydende forværring",
    "From {before} to {after} ({diff}).": "Fra {before} til {after} ({diff}).",
    "qverdict_improved": "Det er en betydende forbedring ({rule}).",
    "qverdict_worsened": "Det er en betydende forværring ({rule}).",
    "qverdict_no_meaningful_change": "Det er ingen betydende ændring ({rule}).",
    "qverdict_none": "Der er ingen publiceret regel for en betydende ændring; forskellen "
    "vises uden vurdering.",
    "qverdict_missing": "Ændringen kan ikke beregnes: der skal være en scoret screening og "
    "en scoret slutmåling.",
    "a change of {points} points or more": "en ændring på {points} point eller mere",
    "Change": "Ændring",
    "Total score over time": "Samlet score over tid",
    "Item by item, before and after": "Spørgsmål for spørgsmål, før og efter",
    "Change from {before} to {after} points ({diff:+d}).": "Ændring fra {before} til {after} point ({diff:+d}).",
    "The change cannot be computed: a before and an after total are both needed.": (
        "Ændringen kan ikke beregnes: der skal både være en total før og efter."
    ),
    "verdict_improved": "Det er en pålidelig forbedring (mindre oplevet stress).",
    "verdict_worsened": "Det er en pålidelig forværring (mere oplevet stress).",
    "verdict_no_reliable_change": (
        "Ændringen er ikke større end målingens usikkerhed (ingen pålidelig ændring)."
    ),
    "The decrease is clinically important (11 points or more).": (
        "Faldet er klinisk betydningsfuldt (11 point eller mere)."
    ),
    "The decrease is not clinically important (less than 11 points).": (
        "Faldet er ikke klinisk betydningsfuldt (mindre end 11 point)."
    ),
    "method_text": (
        "Pålidelig ændring efter Jacobson & Truax: SD = {sd}, r = {r}; en ændring på "
        "{points} point eller mere er pålidelig. Klinisk betydningsfuld forbedring: et fald "
        "på mindst 11 point (Eskildsen m.fl. 2015). Niveauerne lav (0-13), moderat (14-26) "
        "og høj (27-40) er beskrivende, ikke en diagnose. Optagelsesgrænse: {threshold}."
    ),
    "A prorated total was computed from 9 of 10 answers.": (
        "En opregnet total er beregnet ud fra 9 af 10 svar."
    ),
    "Item": "Spørgsmål",
    "Answer": "Svar",
    "Score": "Point",
    "reversed": "omvendt",
    "no answer": "intet svar",
    # job plan
    "Direction": "Retning",
    "Goals": "Mål",
    "Goal": "Mål",
    "Due": "Frist",
    "Last changed": "Senest ændret",
    "No job plan has been made yet.": "Der er endnu ikke lavet en jobplan.",
    "No values recorded.": "Ingen værdier registreret.",
    "No accommodation needs recorded.": "Ingen skånebehov registreret.",
    "Category": "Kategori",
    "Description": "Beskrivelse",
    "Until": "Indtil",
    "Hours per week now": "Timer pr. uge nu",
    "Target hours per week": "Mål for timer pr. uge",
    "Hours plan": "Optrapningsplan",
    "From date": "Fra dato",
    "Hours per week": "Timer pr. uge",
    "Needs are described by function, not diagnosis.": (
        "Behovene er beskrevet ud fra funktion, ikke diagnose."
    ),
    "The hours plan is agreed with the workplace and approved by the municipality.": (
        "Optrapningsplanen aftales med arbejdspladsen og godkendes af kommunen."
    ),
    # structured fields
    "Not described.": "Ikke beskrevet.",
    "Normal weekly hours": "Normal arbejdstid pr. uge",
    "Expected return": "Forventet tilbagevenden",
    "Step plan, week by week": "Optrapning uge for uge",
    "Week": "Uge",
    "Resources": "Ressourcer",
    "Challenges": "Udfordringer",
    "PSS-10 (perceived stress)": "PSS-10 (oplevet stress)",
    "partial_return_warning": (
        "Bemærk: i uge {weeks} er fraværet mindre end 4 timer om ugen. Delvis raskmelding "
        "kræver mindst 4 timers fravær om ugen."
    ),
    # outcome
    "No outcome recorded yet.": "Der er endnu ikke registreret et resultat.",
    "Recorded on": "Registreret den",
    "No summary has been written.": "Der er ikke skrevet en opsummering.",
    # notes
    "Mode": "Samtaleform",
    "Themes": "Temaer",
    "Notes": "Noter",
    "The participant's own words": "Deltagerens egne ord",
    "Agreed actions": "Aftalte handlinger",
    "Ratings (0-10)": "Vurderinger (0-10)",
    "No sessions recorded.": "Ingen samtaler registreret.",
    "Session {n}": "Samtale {n}",
    "min": "min.",
    # contact
    "E-mail": "E-mail",
    "Phone": "Telefon",
    # access copy
    "About you": "Om dig",
    "Reference": "Reference",
    "Birth year": "Fødselsår",
    "Referral date": "Henvisningsdato",
    "Consent": "Samtykke",
    "Given on": "Givet den",
    "Scope": "Omfang",
    "Withdrawn on": "Trukket tilbage den",
    "Every PSS-10 answer": "Alle PSS-10-svar",
    "All job plan versions": "Alle versioner af jobplanen",
    "Version {n}": "Version {n}",
    "Group sessions": "Gruppesessioner",
    "Present": "Til stede",
    "Absent": "Fraværende",
    "Who has received your data": "Hvem har modtaget dine oplysninger",
    "Sections": "Afsnit",
    "Encrypted": "Krypteret",
    "Sent by": "Sendt med",
    "No disclosures recorded.": "Ingen videregivelser registreret.",
    "Log of reads and changes": "Log over læsninger og ændringer",
    "No entries.": "Ingen registreringer.",
    "Time (UTC)": "Tidspunkt (UTC)",
    "Action": "Handling",
    "Details": "Detaljer",
    "Next appointment": "Næste aftale",
    "Start": "Start",
    "Duration": "Varighed",
    "the participant": "borgeren",
    # cohort report
    "Cohort effect report": "Effektrapport for holdet",
    "Organisation-wide effect report": "Samlet effektrapport for organisationen",
    "org_scope": (
        "Lagt sammen af organisationen fra de eksakte tal fra {vaults} coachers bokse; "
        "reglerne ovenfor er brugt én gang, på de samlede tal."
    ),
    "cohort_intro": (
        "Anonyme, samlede tal for deltagere med forløbsstart i perioden {period}. "
        "Tal fra 1 til 4 vises som »<5«, og procenter beregnet på dem udelades, så ingen "
        "enkeltperson kan genkendes. Rapporten indeholder ingen navne, referencer, "
        "CPR-numre eller datoer for enkeltpersoner."
    ),
    "all dates": "alle datoer",
    "Participants": "Deltagere",
    "Referred": "Henvist",
    "Screened": "Screenet",
    "Admitted": "Optaget",
    "Not eligible": "Ikke optaget",
    "Completed": "Gennemført",
    "Dropped out": "Afbrudt",
    "Count": "Antal",
    "Share": "Andel",
    "Share of admitted": "Andel af optagne",
    "Mean": "Gennemsnit",
    "SD": "SD",
    "Before (screening)": "Før (screening)",
    "After (final)": "Efter (slutmåling)",
    "Paired before and after": "Parrede før- og eftermålinger",
    "Mean change": "Gennemsnitlig ændring",
    "95% confidence interval": "95 % konfidensinterval",
    "Reliable improvement": "Pålidelig forbedring",
    "No reliable change": "Ingen pålidelig ændring",
    "Reliable worsening": "Pålidelig forværring",
    "Clinically important improvement": "Klinisk betydningsfuld forbedring",
    "Outcomes": "Resultater",
    "Outcome not recorded": "Resultat ikke registreret",
    "Group sessions attended, mean per admitted participant": (
        "Gruppesessioner med fremmøde, gennemsnit pr. optaget deltager"
    ),
    "Share of recorded group sessions attended": "Andel af registrerede gruppesessioner med fremmøde",
    "Individual sessions held, mean per admitted participant": (
        "Afholdte individuelle samtaler, gennemsnit pr. optaget deltager"
    ),
    "Individual sessions cancelled": "Aflyste individuelle samtaler",
    "Individual sessions no-show": "Individuelle samtaler med udeblivelse",
    "withheld (fewer than 5)": "udeladt (færre end 5)",
    "withheld (protects a small number)": "udeladt (beskytter et lille tal)",
    "withheld": "udeladt",
    "Each line is one participant's screening and final total; no labels.": (
        "Hver linje er én deltagers total ved screening og slutmåling; uden navne."
    ),
    "The chart is withheld: fewer than 5 paired measurements.": (
        "Diagrammet er udeladt: færre end 5 parrede målinger."
    ),
    "Before": "Før",
    "After": "Efter",
    "Generated": "Udarbejdet",
    "cohort_method": (
        "Konfidensintervallet bygger på t-fordelingen med n - 1 frihedsgrader. "
        "Pålidelig ændring og klinisk betydningsfuld forbedring som i den enkelte rapport "
        "(SD = {sd}, r = {r})."
    ),
    "Metric": "Nøgletal",
    "Value": "Værdi",
    "Admission threshold {t}": "Optagelsesgrænse {t}",
    # cohort report: disclosure control (reports/cohort_report.py)
    "Distribution of PSS-10 totals (participants per band)": (
        "Fordeling af PSS-10-totaler (deltagere pr. niveau)"
    ),
    "Mean change with 95% confidence interval (points)": (
        "Gennemsnitlig ændring med 95 % konfidensinterval (point)"
    ),
    "chart_note": (
        "Diagrammet viser kun de offentliggjorte tal: antal deltagere pr. niveau (lav "
        "0-13, moderat 14-26, høj 27-40) før og efter, og den gennemsnitlige ændring. Et "
        "niveau med 1-4 deltagere er markeret »<5«, et skjult niveau »udeladt«; ingen "
        "streg eller prik svarer til én person."
    ),
    "The chart is withheld: fewer than 5 measurements.": (
        "Diagrammet er udeladt: færre end 5 målinger."
    ),
    "share withheld": "andel udeladt",
    "low": "lav",
    "moderate": "moderat",
    "high": "høj",
    "PSS-10 band, before": "PSS-10-niveau før",
    "PSS-10 band, after": "PSS-10-niveau efter",
    "Low (0-13)": "Lav (0-13)",
    "Moderate (14-26)": "Moderat (14-26)",
    "High (27-40)": "Høj (27-40)",
    "cohort_rules": (
        "»udeladt« er et tal, der er skjult, fordi det sammen med de øvrige tal (fx at de"
        " tre vurderinger tilsammen er antallet af parrede målinger) eller med en "
        "tidligere udleveret rapport ellers ville afsløre et lille tal. Tal er afrundet, "
        "5 opad."
    ),
    "refuse_small": (
        "Perioden har for få deltagere: med færre end 5 i tabellerne, eller når de små "
        "tal ikke kan skjules, ville rapporten kunne pege enkeltpersoner ud. Vælg en "
        "længere periode."
    ),
    "refuse_difference": (
        "Rapporten kan ikke udleveres: sammen med effektrapporten for {period}, udleveret"
        " {date}, ville den vise tal for færre end 5 deltagere (forskellen mellem de to)."
        " Vælg en periode, der enten ikke overlapper den, eller som adskiller sig fra den"
        " med mindst 5 deltagere."
    ),
}

# Vocabulary labels: (vocabulary, key) -> (Danish, English).
LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("status", "referred"): ("Henvist", "Referred"),
    ("status", "screened"): ("Screenet", "Screened"),
    ("status", "not_eligible"): ("Ikke optaget", "Not eligible"),
    ("status", "admitted"): ("Optaget", "Admitted"),
    ("status", "group_phase"): ("Gruppeforløb", "Group phase"),
    ("status", "individual_phase"): ("Individuelt forløb", "Individual phase"),
    ("status", "completed"): ("Gennemført", "Completed"),
    ("status", "dropped_out"): ("Afbrudt", "Dropped out"),
    ("theme", "psychoeducation"): (
        "Psykoedukation – viden om stress",
        "Psychoeducation – knowledge about stress",
    ),
    ("theme", "practical_exercises"): (
        "Praktiske øvelser – åndedræt, mindfulness, kropslige teknikker",
        "Practical exercises – breathing, mindfulness, body techniques",
    ),
    ("theme", "metacognitive_tools"): (
        "Metakognitive redskaber – tankehåndtering og søvnstrategier",
        "Metacognitive tools – managing thoughts, sleep strategies",
    ),
    ("theme", "boundaries_time"): (
        "Grænsesætning og tidsstyring",
        "Setting boundaries and managing time",
    ),
    ("theme", "clarity_goals"): (
        "Klarhed og mål – realistiske mål",
        "Clarity and goals – realistic goals",
    ),
    ("theme", "good_working_life"): (
        "Det gode arbejdsliv – værdibaseret jobplan og skånebehov",
        "The good working life – value-based job plan and accommodation needs",
    ),
    ("theme", "community"): (
        "Fællesskab – støtte og spejling i gruppen",
        "Community – support and mirroring in the group",
    ),
    ("theme", "personal_support"): (
        "Personlig støtte – individuelle samtaler",
        "Personal support – individual conversations",
    ),
    ("theme", "digital_tools"): (
        "Digitale værktøjer (fx Jobuniverset)",
        "Digital tools (e.g. Jobuniverset)",
    ),
    ("outcome", "work_full"): ("I arbejde på fuld tid", "Back at work full time"),
    ("outcome", "work_partial"): ("I arbejde på deltid", "Back at work part time"),
    ("outcome", "sick_leave"): ("Fortsat sygemeldt", "Still on sick leave"),
    ("outcome", "job_seeking"): ("Jobsøgende", "Job-seeking"),
    ("outcome", "education"): ("Under uddannelse", "In education"),
    ("outcome", "other"): ("Andet", "Other"),
    ("accommodation", "hours"): (
        "Arbejdstid (herunder gradvis tilbagevenden)",
        "Working hours (incl. gradual return)",
    ),
    ("accommodation", "tasks"): ("Opgaver der skal undgås", "Tasks to avoid"),
    ("accommodation", "environment"): ("Arbejdsmiljø", "Work environment"),
    ("accommodation", "breaks"): ("Pauser", "Breaks"),
    ("accommodation", "flexibility"): ("Fleksibilitet", "Flexibility"),
    ("accommodation", "remote"): ("Hjemmearbejde", "Remote work"),
    ("accommodation", "social"): ("Social og relationel belastning", "Social/relational load"),
    ("accommodation", "other"): ("Andet", "Other"),
    ("goal", "open"): ("Åben", "Open"),
    ("goal", "done"): ("Nået", "Done"),
    ("goal", "dropped"): ("Opgivet", "Dropped"),
    ("assessment", "screening"): ("Screening", "Screening"),
    ("assessment", "final"): ("Slutmåling", "Final"),
    ("assessment", "followup"): ("Opfølgning", "Follow-up"),
    ("band", "low"): ("lav", "low"),
    ("band", "moderate"): ("moderat", "moderate"),
    ("band", "high"): ("høj", "high"),
    ("mode", "in_person"): ("Personligt møde", "In person"),
    ("mode", "phone"): ("Telefon", "Phone"),
    ("mode", "video"): ("Video", "Video"),
    ("session_status", "held"): ("Afholdt", "Held"),
    ("session_status", "cancelled"): ("Aflyst", "Cancelled"),
    ("session_status", "no_show"): ("Udeblevet", "No-show"),
    ("session_status", "planned"): ("Planlagt", "Planned"),
    ("rating", "energy"): ("Energi", "Energy"),
    ("rating", "sleep"): ("Søvn", "Sleep"),
    ("rating", "wellbeing"): ("Trivsel", "Wellbeing"),
    ("consent", "course"): ("Deltagelse i forløbet", "Taking part in the course"),
    ("consent", "report_to_municipality"): (
        "Rapportering til kommunen",
        "Reporting to the municipality",
    ),
    ("section", "course"): ("Forløb", "Course"),
    ("section", "attendance"): ("Fremmøde", "Attendance"),
    ("section", "pss10"): ("PSS-10 før og efter", "PSS-10 before and after"),
    ("section", "questionnaires"): ("Andre spørgeskemaer", "Other questionnaires"),
    ("section", "job_plan"): ("Jobplan", "Job plan"),
    ("section", "values"): ("Værdier", "Values"),
    ("section", "accommodations"): ("Skånehensyn", "Accommodations"),
    ("section", "work_capacity"): (
        "Muligheder for arbejde (arbejdsevne) i dag",
        "Work capacity today",
    ),
    ("section", "hours"): ("Timetal og optrapning", "Hours and gradual return"),
    ("section", "resources"): ("Ressourcer og udfordringer", "Resources and challenges"),
    ("section", "progression"): ("Progression siden start", "Progress since the start"),
    ("section", "recommendation"): ("Anbefaling / næste skridt", "Recommendation / next steps"),
    ("return", "full"): ("Fuld raskmelding", "Full return to work"),
    ("return", "partial"): ("Delvis raskmelding", "Partial return to work"),
    ("section", "outcome"): ("Resultat", "Outcome"),
    ("section", "summary"): ("Opsummering", "Summary"),
    ("section", "notes"): ("Samtalenoter", "Session notes"),
    ("section", "contact"): ("Kontaktoplysninger", "Contact details"),
    ("section", "cpr_full"): ("Fuldt CPR-nummer", "Full CPR number"),
    ("section", "everything"): ("Alt om borgeren", "Everything about the participant"),
    ("section", "full_record"): ("Hele journalen", "The full record"),
    ("kind", "status_report"): ("Statusnotat", "Status note"),
    ("kind", "final_report"): ("Slutrapport", "Final report"),
    ("kind", "access_copy"): ("Borgerens kopi", "Participant's copy"),
    ("kind", "json"): ("Deltagerfil (JSON)", "Participant file (JSON)"),
    ("kind", "handover"): (
        "Overdragelse til anden coach (krypteret)",
        "Handover to another coach (encrypted)",
    ),
    ("channel", "digital_post"): ("Digital Post", "Digital Post"),
    ("channel", "secure_email"): ("Sikker e-mail", "Secure e-mail"),
    ("channel", "handed_over"): ("Udleveret", "Handed over"),
    ("channel", "other"): ("Andet", "Other"),
}

# English text for keys whose English source is a key rather than a sentence.
EN: dict[str, str] = {
    "purpose_text": (
        "This report informs the caseworker about the participant's progress in the stress "
        "course «A working life without stress» as a basis for the municipality's "
        "follow-up. The provider informs; every decision is the municipality's. The report "
        "holds only the "
        "information needed for that purpose."
    ),
    "legal_basis_text": (
        "Disclosed with the participant's explicit consent to reporting to the "
        "municipality, given {date} (GDPR art. 6(1)(a) and art. 9(2)(a)). The participant "
        "may withdraw the consent at any time."
    ),
    "access_purpose_text": (
        "This copy holds everything the coach has recorded about you, to whom it was "
        "disclosed, and when it was read or changed (GDPR art. 15 on access and art. 20 on "
        "portability). The same data is attached to this PDF in machine-readable form "
        "(JSON)."
    ),
    "partial_return_warning": (
        "Note: in week {weeks} the absence is less than 4 hours a week. A partial return "
        "(delvis raskmelding) requires at least 4 hours of absence a week."
    ),
    "qverdict_improved": "This is a meaningful improvement ({rule}).",
    "qverdict_worsened": "This is a meaningful worsening ({rule}).",
    "qverdict_no_meaningful_change": "This is no meaningful change ({rule}).",
    "qverdict_none": "There is no published rule for a meaningful change; the difference "
    "is shown without a verdict.",
    "qverdict_missing": "The change cannot be computed: a scored screening and a scored "
    "final are both needed.",
    "verdict_improved": "This is a reliable improvement (less perceived stress).",
    "verdict_worsened": "This is a reliable worsening (more perceived stress).",
    "verdict_no_reliable_change": (
        "The change is not larger than the measurement's uncertainty (no reliable change)."
    ),
    "method_text": (
        "Reliable change after Jacobson & Truax: SD = {sd}, r = {r}; a change of {points} "
        "points or more is reliable. Clinically important improvement: a decrease of at "
        "least 11 points (Eskildsen et al. 2015). The bands low (0-13), moderate (14-26) and "
        "high (27-40) are descriptive, not a diagnosis. Admission threshold: {threshold}."
    ),
    "org_scope": (
        "Merged by the organisation from the exact figures of {vaults} coaches' vaults; the "
        "rules above are applied once, to the merged totals."
    ),
    "cohort_intro": (
        "Anonymous aggregates for participants whose course started in the period {period}. "
        "Counts from 1 to 4 are shown as «<5» and percentages derived from them are "
        "withheld, so that no individual can be recognised. The report holds no names, "
        "references, CPR numbers or dates of individuals."
    ),
    "cohort_method": (
        "The confidence interval uses the t distribution with n - 1 degrees of freedom. "
        "Reliable change and clinically important improvement as in the individual report "
        "(SD = {sd}, r = {r})."
    ),
    "chart_note": (
        "The chart shows published figures only: participants per band (low 0-13, "
        "moderate 14-26, high 27-40) before and after, and the mean change. A band with "
        "1-4 participants is marked «<5», a hidden band «withheld»; no bar, line or dot "
        "stands for one person."
    ),
    "cohort_rules": (
        "«withheld» is a count that is hidden because together with the other figures "
        "(e.g. the three verdicts add up to the pairs) or with a report released earlier "
        "it would reveal a small count. Numbers are rounded half up."
    ),
    "refuse_small": (
        "The period has too few participants: with fewer than 5, or when the small counts"
        " cannot be hidden, the report could single people out. Choose a longer period."
    ),
    "refuse_difference": (
        "The report cannot be released: together with the cohort report for {period}, "
        "released {date}, it would show figures for fewer than 5 participants (the "
        "difference between the two). Choose a period that does not overlap it, or one "
        "that differs from it by at least 5 participants."
    ),
}

_MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def check_lang(lang: str | None) -> str:
    """The report language: Danish unless English is asked for."""
    return lang if lang in LANGS else DEFAULT_LANG


def tr(text: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """Translate an English source string (or a key) and fill in ``{fields}``."""
    out = DA.get(text, text) if lang == "da" else EN.get(text, text)
    return out.format(**fields) if fields else out


def label(vocab: str, key: str | None, lang: str = DEFAULT_LANG) -> str:
    """The printed word for a vocabulary key; an unknown key prints as itself."""
    if key is None:
        return ""
    pair = LABELS.get((vocab, key))
    if pair is None:
        return key
    return pair[0] if lang == "da" else pair[1]


def fmt_date(d: dt.date | None, lang: str = DEFAULT_LANG) -> str:
    """A date as people write it: 12.01.2026 (Danish), 12 Jan 2026 (English)."""
    if d is None:
        return ""
    if lang == "da":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    return f"{d.day} {_MONTHS_EN[d.month - 1][:3]} {d.year}"


def fmt_long_date(d: dt.date, lang: str = DEFAULT_LANG) -> str:
    if lang == "da":
        return f"{d.day}. {_MONTHS_DA[d.month - 1]} {d.year}"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def fmt_month(d: dt.date, lang: str = DEFAULT_LANG) -> str:
    """Month and year only: the cohort report prints no exact dates."""
    months = _MONTHS_DA if lang == "da" else _MONTHS_EN
    return f"{months[d.month - 1]} {d.year}"


def fmt_number(x: float | None, lang: str = DEFAULT_LANG, decimals: int = 1) -> str:
    """A number with the language's decimal mark (Danish: comma)."""
    if x is None:
        return "–"
    s = f"{x:.{decimals}f}"
    return s.replace(".", ",") if lang == "da" else s


def fmt_hours(x: float | None, lang: str = DEFAULT_LANG) -> str:
    """Hours: whole numbers without decimals, else one decimal."""
    if x is None:
        return ""
    return fmt_number(x, lang, 0 if float(x).is_integer() else 1)
