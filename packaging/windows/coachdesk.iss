; Inno Setup 6.3+ script (UTF-8): a per-user CoachDesk installer for Windows (no administrator rights).
;
; Build the bundle first (packaging/build.sh under Git Bash, on Windows), then:
;     iscc /DAppVersion=0.1.0 packaging\windows\coachdesk.iss
; which writes dist\CoachDesk-0.1.0-setup.exe.
;
; Installs into %LOCALAPPDATA%\Programs\CoachDesk. The vault lives elsewhere, in
; %LOCALAPPDATA%\CoachDesk: the uninstaller removes only the files this installer put
; there and NEVER the data folder (the coach's encrypted case files and their backups).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "CoachDesk"
#define Bundle "..\..\dist\coachdesk"

[Setup]
; The AppId identifies the product for upgrades and uninstall: never change it.
AppId={{5B0E1C3A-7F2D-4C8E-9A61-2D4F8B3C6E17}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=CoachDesk
; Per user: no UAC prompt, no admin rights, installs under the user's own profile.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=CoachDesk-{#AppVersion}-setup
SetupIconFile=..\..\coachdesk\resources\coachdesk.ico
UninstallDisplayIcon={app}\coachdeskw.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running CoachDesk holds its vault open: ask it to close before files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
danish.DataKept=Dine CoachDesk-data er IKKE slettet. De ligger krypteret i%n%1%nSlet mappen selv, hvis de ikke længere skal bruges (husk opbevaringsreglerne).
english.DataKept=Your CoachDesk data has NOT been deleted. It stays, encrypted, in%n%1%nDelete that folder yourself if it is no longer needed (mind the retention rules).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: coachdeskw.exe (the app, no console window), coachdesk.exe
; (the same program as a console tool for IT scripts) and _internal\.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\coachdeskw.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\coachdeskw.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\coachdeskw.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Deliberately no [UninstallDelete] section: nothing outside {app} is ever removed, and
; {localappdata}\CoachDesk (the vault) is not under {app}.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // Say where the data stayed, so nobody assumes it is gone (or hunts for it later).
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    if DirExists(ExpandConstant('{localappdata}\CoachDesk')) then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{localappdata}\CoachDesk')]),
             mbInformation, MB_OK);
end;
