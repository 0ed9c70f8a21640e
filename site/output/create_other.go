//go:build !unix

package output

import "os"

// createFile creates (or truncates) the file name with the given mode,
// narrowed by the umask, and writes b into it.
func createFile(name string, b []byte, mode uint32) error {
	return os.WriteFile(name, b, os.FileMode(mode))
}
