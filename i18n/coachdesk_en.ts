<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Agenda</name>
    <message numerus="yes">
        <source>Group session, hold %1 (%n participant(s))</source>
        <translation>
            <numerusform>Group session, hold %1 (%n participant)</numerusform>
            <numerusform>Group session, hold %1 (%n participants)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message numerus="yes">
        <source>The audit chain is intact (%n event(s)).</source>
        <translation>
            <numerusform>The audit chain is intact (%n event).</numerusform>
            <numerusform>The audit chain is intact (%n events).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message numerus="yes">
        <source>The last backup is %n day(s) old. Make one now.</source>
        <translation>
            <numerusform>The last backup is %n day old. Make one now.</numerusform>
            <numerusform>The last backup is %n days old. Make one now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message numerus="yes">
        <source>%n participant(s) need attention</source>
        <translation>
            <numerusform>%n participant needs attention</numerusform>
            <numerusform>%n participants need attention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n final PSS-10 due</source>
        <translation>
            <numerusform>%n final PSS-10 due</numerusform>
            <numerusform>%n final PSS-10s due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>questionnaires due for %n participant(s)</source>
        <translation>
            <numerusform>questionnaires due for %n participant</numerusform>
            <numerusform>questionnaires due for %n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more reminder(s)</source>
        <translation>
            <numerusform>%n more reminder</numerusform>
            <numerusform>%n more reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CohortReportDialog</name>
    <message numerus="yes">
        <source>%n number(s) show as «&lt;5» because they are between 1 and 4: so few people could be recognised.</source>
        <translation>
            <numerusform>%n number shows as «&lt;5» because it is between 1 and 4: so few people could be recognised.</numerusform>
            <numerusform>%n numbers show as «&lt;5» because they are between 1 and 4: so few people could be recognised.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Optional, at least %n characters</source>
        <translation>
            <numerusform>Optional, at least %n character</numerusform>
            <numerusform>Optional, at least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password must have at least %n characters.</source>
        <translation>
            <numerusform>The password must have at least %n character.</numerusform>
            <numerusform>The password must have at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message numerus="yes">
        <source>The handover passphrase must have at least %n characters; a few random words are best.</source>
        <translation>
            <numerusform>The handover passphrase must have at least %n character; a few random words are best.</numerusform>
            <numerusform>The handover passphrase must have at least %n characters; a few random words are best.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Nothing was imported: %n problem(s) in the file.</source>
        <translation>
            <numerusform>Nothing was imported: %n problem in the file.</numerusform>
            <numerusform>Nothing was imported: %n problems in the file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobPlanDiffDialog</name>
    <message numerus="yes">
        <source>%n change(s).</source>
        <translation>
            <numerusform>%n change.</numerusform>
            <numerusform>%n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>The last backup is %n day(s) old. Make a backup now, so that a lost or broken laptop does not lose your records.</source>
        <translation>
            <numerusform>The last backup is %n day old. Make a backup now, so that a lost or broken laptop does not lose your records.</numerusform>
            <numerusform>The last backup is %n days old. Make a backup now, so that a lost or broken laptop does not lose your records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantPage</name>
    <message numerus="yes">
        <source>%n mark(s) not counted: confirm or correct them.</source>
        <translation>
            <numerusform>%n mark not counted: confirm or correct it.</numerusform>
            <numerusform>%n marks not counted: confirm or correct them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pss10Chart</name>
    <message numerus="yes">
        <source>%n questionnaire(s) without a total (2 or more answers missing) not shown.</source>
        <translation>
            <numerusform>%n questionnaire without a total (2 or more answers missing) not shown.</numerusform>
            <numerusform>%n questionnaires without a total (2 or more answers missing) not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message numerus="yes">
        <source>Restored %n participant(s).</source>
        <translation>
            <numerusform>Restored %n participant.</numerusform>
            <numerusform>Restored %n participants.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message numerus="yes">
        <source>%n participant(s) finished the course more than {months} months ago. Unless there is a reason to keep their records, erase them.</source>
        <translation>
            <numerusform>%n participant finished the course more than {months} months ago. Unless there is a reason to keep their records, erase them.</numerusform>
            <numerusform>%n participants finished the course more than {months} months ago. Unless there is a reason to keep their records, erase them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message numerus="yes">
        <source>%1 (%n participant(s))</source>
        <translation>
            <numerusform>%1 (%n participant)</numerusform>
            <numerusform>%1 (%n participants)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) of absence</source>
        <translation>
            <numerusform>%n notice of absence</numerusform>
            <numerusform>%n notices of absence</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message numerus="yes">
        <source>%1 – %2, week %3, %n theme(s)</source>
        <translation>
            <numerusform>%1 – %2, week %3, %n theme</numerusform>
            <numerusform>%1 – %2, week %3, %n themes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message numerus="yes">
        <source>The calendar (%n appointment(s)) was saved to %1.</source>
        <translation>
            <numerusform>The calendar (%n appointment) was saved to %1.</numerusform>
            <numerusform>The calendar (%n appointments) was saved to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
