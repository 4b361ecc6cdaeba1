; Inno Setup script for the Windows installer (see packaging/README.md). After the onedir build, on Windows:
;     iscc /DAppVersion=0.1.0 packaging\windows\ajexplorer.iss
; writes dist\ajexplorer-<version>-windows-x64-setup.exe. Paths are relative to this file's folder.
; It installs for the current user by default (no administrator needed; "all users" can be chosen), adds a
; Start menu entry, and registers an uninstaller under Settings > Apps. Settings and logs the app writes in
; the user's folders stay after uninstalling, as user data should.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z ajexplorer.iss
#endif
#define AppName "AJ Explorer"
#define AppExe "ajexplorer.exe"
#define AppUserModelID "org.ajexplorer.AJExplorer"

[Setup]
; The AppId identifies the app across versions, so an update replaces the old install: never change it.
AppId={{7E0C05DE-43F6-4199-922E-5DF2C2E12249}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=AJ Explorer developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=ajexplorer-{#AppVersion}-windows-x64-setup
SetupIconFile=packaging\icons\ajexplorer.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\ajexplorer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelID}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelID}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
