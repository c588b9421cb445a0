@echo off
rem Herald's launcher for Windows.
rem   herald [-data DIR]                    opens the workbench
rem   herald [-data DIR] COMMAND [ARGS...]  runs a headless command (herald --help lists them)
rem Java 21 or newer: %JAVA_HOME%\bin\java.exe, else java.exe on the PATH. The Windows archive has
rem no bundled runtime: it is built on Linux, and jlink makes runtimes for its own platform only.
rem Arguments are passed on as cmd.exe parses them: quote a message text ("Backup done").
setlocal EnableExtensions DisableDelayedExpansion
set "HERE=%~dp0"
if "%HERE:~-1%"=="\" set "HERE=%HERE:~0,-1%"

set "JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for %%J in (java.exe) do set "JAVA=%%~$PATH:J"
if not defined JAVA goto nojava
set "FEATURE="
for /f "tokens=2 delims==" %%V in ('call "%JAVA%" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version ="') do set "FEATURE=%%V"
if not defined FEATURE set "FEATURE=0"
set "FEATURE=%FEATURE: =%"
for /f "tokens=1 delims=." %%M in ("%FEATURE%") do set "FEATURE=%%M"
if "%FEATURE%"=="1" set "FEATURE=8"
if %FEATURE% LSS 21 goto oldjava

set "LAUNCHER="
for %%L in ("%HERE%\plugins\org.eclipse.equinox.launcher_*.jar") do set "LAUNCHER=%%~fL"
if not defined LAUNCHER goto incomplete

rem -data DIR may stand anywhere; the launcher wants it before the application's arguments.
set "DATA="
set "ARGS="
set "LONGRUN="
:parse
if "%~1"=="" goto parsed
if /i "%~1"=="-data" goto data
if /i "%~1"=="--data" goto data
set ARGS=%ARGS% %1
for %%W in (listen serve --watch --announce) do if /i "%~1"=="%%W" set "LONGRUN=1"
shift
goto parse
:data
if "%~2"=="" goto nodata
if not exist "%~2\" mkdir "%~2" || exit /b 1
set DATA=-data "%~f2"
shift
shift
goto parse
:parsed

rem H2 (the inbox) serves a second process of the same workspace; keep that on loopback.
set VMARGS=-Xms32m -Dosgi.requiredJavaVersion=21 -Dh2.bindAddress=127.0.0.1 %HERALD_VMARGS%
if not defined ARGS goto workbench
rem The CLI: a headless Equinox application in the same installation. A one-shot command gets the
rem quick JIT alone and the serial collector (a third off its start); listen, names serve and
rem browse --watch/--announce keep the default, as in the Linux launcher.
set "QUICK=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if defined LONGRUN set "QUICK="
"%JAVA%" -Xms32m -Dosgi.requiredJavaVersion=21 -Dh2.bindAddress=127.0.0.1 %QUICK% %HERALD_VMARGS% -Djava.awt.headless=true -jar "%LAUNCHER%" -install "%HERE%" -configuration "%HERE%\configuration" -application org.herald.cli.app -nosplash %DATA% %ARGS%
exit /b %ERRORLEVEL%

:workbench
rem The workbench keeps its layout in the workspace between starts (no -clearPersistedState), and its
rem heap near what it holds (as in the Linux launcher).
rem javaw.exe, beside java.exe, runs it without a console window.
set "JAVAW=%JAVA:java.exe=javaw.exe%"
if not exist "%JAVAW%" set "JAVAW=%JAVA%"
start "Herald" "%JAVAW%" -Xmx1g -XX:MinHeapFreeRatio=5 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 %VMARGS% -jar "%LAUNCHER%" -install "%HERE%" -configuration "%HERE%\configuration" %DATA%
exit /b 0

:nojava
echo herald: no Java found; Herald needs Java 21 or newer: set JAVA_HOME to one or put its bin folder on the PATH (e.g. Temurin 21 from adoptium.net) 1>&2
exit /b 1
:oldjava
echo herald: %JAVA% is Java %FEATURE%, too old; Herald needs Java 21 or newer: set JAVA_HOME to one 1>&2
exit /b 1
:incomplete
echo herald: %HERE% is not a complete Herald installation (no Equinox launcher) 1>&2
exit /b 1
:nodata
echo herald: %1 needs a folder 1>&2
exit /b 2
