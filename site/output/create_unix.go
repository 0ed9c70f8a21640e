//go:build unix

package output

import (
	"io"
	"io/fs"
	"syscall"
)

// createFile creates (or truncates) the file name with the given mode,
// narrowed by the umask, and writes b into it. It makes three system calls
// (open, write, close) where os.WriteFile makes eight (the runtime's poller
// tries each file it opens), which counts with a build's thousands of files.
func createFile(name string, b []byte, mode uint32) error {
	fd, err := openRetrying(name, mode)
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(b) > 0 {
		n, err := syscall.Write(fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err == nil && n == 0 {
			err = io.ErrShortWrite
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		b = b[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// openRetrying opens name for writing, created or truncated, retrying when
// a signal interrupts the call.
func openRetrying(name string, mode uint32) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, mode)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
