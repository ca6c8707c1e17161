//go:build windows

package main

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachConsole gives a command its caller's console. The exe is linked
// as a GUI program (-H windowsgui) so a double-click opens no console
// window; started from cmd or PowerShell it has then no stdout, unless
// output was redirected. Handles that are already valid (a pipe, a file)
// are kept.
func attachConsole() {
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return // no parent console (double-click, service) or already one
	}
	reopen := func(std uint32, name string, flag int, f **os.File) {
		if h, err := windows.GetStdHandle(std); err == nil && h != 0 && h != windows.InvalidHandle {
			return
		}
		c, err := os.OpenFile(name, flag, 0)
		if err != nil {
			return
		}
		windows.SetStdHandle(std, windows.Handle(c.Fd()))
		*f = c
	}
	reopen(windows.STD_OUTPUT_HANDLE, "CONOUT$", os.O_WRONLY, &os.Stdout)
	reopen(windows.STD_ERROR_HANDLE, "CONOUT$", os.O_WRONLY, &os.Stderr)
	reopen(windows.STD_INPUT_HANDLE, "CONIN$", os.O_RDONLY, &os.Stdin)
}

// alert reports an error that ends the app: on stderr when there is one,
// else (a double-clicked GUI exe) in a message box, so it is never lost.
func alert(msg string) {
	if h, err := windows.GetStdHandle(windows.STD_ERROR_HANDLE); err == nil && h != 0 && h != windows.InvalidHandle {
		fmt.Fprintln(os.Stderr, msg)
		return
	}
	text, err1 := windows.UTF16PtrFromString(msg)
	title, err2 := windows.UTF16PtrFromString("RabitIQ SuperOffice")
	if err1 != nil || err2 != nil {
		return
	}
	windows.MessageBox(0, text, title, windows.MB_OK|windows.MB_ICONERROR)
}
