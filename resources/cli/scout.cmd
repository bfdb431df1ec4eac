@echo off
rem scout: the Subnet Scout command line, run by the app's own Electron as Node (no separate Node needed).
rem Installed beside app.asar: %LOCALAPPDATA%\Programs\Subnet Scout\resources\scout.cmd
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\Subnet Scout.exe" "%~dp0app.asar\out\main\cli.js" %*
exit /b %ERRORLEVEL%
