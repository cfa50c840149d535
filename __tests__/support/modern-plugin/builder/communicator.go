package builder

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	packersdk "github.com/hashicorp/packer-plugin-sdk/packer"
)

// Communicator reaches the builder's "machine": commands run with /bin/sh in
// Dir, and relative remote paths are relative to Dir. Packer serves it to the
// provisioners through the provision hook.
type Communicator struct {
	Dir string
}

var _ packersdk.Communicator = (*Communicator)(nil)

func (c *Communicator) Start(ctx context.Context, rc *packersdk.RemoteCmd) error {
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", rc.Command)
	cmd.Dir = c.Dir
	cmd.Stdin = rc.Stdin
	cmd.Stdout = rc.Stdout
	cmd.Stderr = rc.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() {
		status := 0
		if err := cmd.Wait(); err != nil {
			var exitErr *exec.ExitError
			if errors.As(err, &exitErr) {
				status = exitErr.ExitCode()
			} else {
				status = packersdk.CmdDisconnect
			}
		}
		rc.SetExited(status)
	}()
	return nil
}

func (c *Communicator) Upload(dst string, r io.Reader, fi *os.FileInfo) error {
	mode := os.FileMode(0o644)
	if fi != nil {
		mode = (*fi).Mode().Perm()
	}
	return writeFile(c.path(dst), r, mode)
}

// UploadDir as Packer's communicators: "src/" copies the contents of src
// into dst, "src" copies the directory itself.
func (c *Communicator) UploadDir(dst string, src string, exclude []string) error {
	return copyTree(src, c.path(dst), exclude)
}

func (c *Communicator) Download(src string, w io.Writer) error {
	f, err := os.Open(c.path(src))
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

func (c *Communicator) DownloadDir(src string, dst string, exclude []string) error {
	return copyTree(c.path(src), dst, exclude)
}

func (c *Communicator) path(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, p)
}

func copyTree(src, dst string, exclude []string) error {
	if !strings.HasSuffix(src, "/") {
		dst = filepath.Join(dst, filepath.Base(src))
	}
	return filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		for _, pattern := range exclude {
			if ok, _ := filepath.Match(pattern, info.Name()); ok {
				if info.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, info.Mode().Perm())
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return writeFile(target, f, info.Mode().Perm())
	})
}

func writeFile(path string, r io.Reader, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
