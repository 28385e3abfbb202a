<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AnswerGrid</name>
    <message>
        <source>Answers: type 0-4 for each item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (%1 missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 answer missing: total prorated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>no conversations planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) need attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n final PSS-10 due</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No participants yet. Press Ctrl+N to add the first one, or import a participant file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No participant matches the search and filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CprField</name>
    <message>
        <source>CPR number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the full CPR number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunView</name>
    <message>
        <source>CoachDesk keeps your participants&apos; data encrypted on this computer. Choose a passphrase of at least %1 characters: several words are easy to remember and hard to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to CoachDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: weak. Add a word or two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: fair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the encrypted vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your organisation&apos;s recovery code. It unlocks the vault if the passphrase is forgotten. It is shown only now: save it to a file on a USB stick or print it, and keep it locked away, apart from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;stored the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CoachDesk recovery code

%1

Keep this locked away. It unlocks the CoachDesk vault if the passphrase is forgotten.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name and organisation appear on the reports you send to the jobcenter. You can change them later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coach name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start using CoachDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>CoachDesk help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;CoachDesk&lt;/h2&gt;&lt;p&gt;Your caseload for the 12-week course, encrypted on this computer.&lt;/p&gt;&lt;h3&gt;Keyboard&lt;/h3&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+N&lt;/b&gt;&lt;/td&gt;&lt;td&gt;New participant&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Search the caseload by name or ref&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Open the selected participant&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Save the session, job plan or outcome&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lock CoachDesk now&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+letter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Jump to the field or tab with that underlined letter&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;This help&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h3&gt;Safety&lt;/h3&gt;&lt;p&gt;CoachDesk locks itself after a few idle minutes (Settings). Text you were typing is kept as an encrypted draft and offered back when you open the session again. CoachDesk never connects to the internet.&lt;/p&gt;&lt;h3&gt;The course&lt;/h3&gt;&lt;p&gt;Week 1: screening PSS-10 and intake. Weeks 1-4: group phase. Weeks 5-12: up to 8 individual conversations. Week 12: final PSS-10, outcome and the report to the jobcenter.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobPlanEditor</name>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick or type a value…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kind of work and working life the participant is aiming for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ve&amp;rsions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realistic goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accommodation needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours per week &amp;now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target hours per week:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step plan (the jobcenter approves each step):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier version, shown read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as a new version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CoachDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This part of CoachDesk is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeView</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report export is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>New participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the municipality&apos;s case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports to the municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ref</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker at the jobcenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case&amp;worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker e-&amp;mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case re&amp;ference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course and consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ferral date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course &amp;start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent &amp;given on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent &amp;withdrawn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantPage</name>
    <message>
        <source>What is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course and caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◆ PSS-10 done  ◇ final PSS-10 due  ● present  ○ absent  ■ session held  ✕ cancelled or no-show  ⬚ next appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PSS-10 questionnaire is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent WITHDRAWN on %1: do not report to the municipality.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pss10ChartView</name>
    <message>
        <source>PSS-10 chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total score (0–40)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hollow marker: 1 answer missing, total prorated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item by item (0 = least stress, 4 = most); R = reversed item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pss10Form</name>
    <message>
        <source>Edit PSS-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PSS-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type 0-4 for each item; Up/Down or Backspace go back, Delete clears, Ctrl+S saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 10 answered. A total needs at least 9 answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* 9 of 10 answered: the total is prorated (sum × 10/9, rounded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 of 10 answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Admission threshold (%1) met: %2 ≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Admission threshold (%1) not met: %2 &lt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admission threshold (%1): no total yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is before the participant&apos;s referral date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A final questionnaire cannot be dated before the first screening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This screening would come after the participant&apos;s final questionnaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every answer must be 0-4 or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose screening, final or follow-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 answer is missing: the total will be prorated. Press Save again (Ctrl+S) to save anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers are missing: there will be no total. Press Save again (Ctrl+S) to save anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pss10Tab</name>
    <message>
        <source>PSS-10 questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New questionnaire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item by item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this PSS-10 questionnaire? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <source>&amp;Restore draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Course &amp;week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Themes (course elements)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes from the conversation. Notes stay in CoachDesk unless you include them in an export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The participant&apos;s own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small, concrete step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make &amp;goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the selected action to the job plan as a goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings 0-10 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next appointment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next appointment time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next appointment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The participant&apos;s own &amp;words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an action first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the job plan as a goal (version %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved text from %1 was kept as a draft. Restore it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft restored – not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions yet. Individual conversations start in week 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a session, or start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2, week %3, %4 themes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Course timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The course has not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 group sessions attended, %2 individual sessions held.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSS-10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the course start date to see the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>CoachDesk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to unlock your caseload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;recovery code instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the organisation&apos;s recovery code. After unlocking, set a new passphrase in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;passphrase instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong recovery code. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
