package builder

import (
	"fmt"
	"os"
	"path/filepath"
)

// Artifact is the machine directory and the file Run wrote in it.
type Artifact struct {
	dir       string
	removeDir bool
	files     []string
	data      map[string]interface{}
}

func (a *Artifact) BuilderId() string { return BuilderId }
func (a *Artifact) Files() []string   { return a.files }
func (a *Artifact) Id() string        { return filepath.Base(a.dir) }
func (a *Artifact) String() string    { return fmt.Sprintf("kilntest machine in %s", a.dir) }

func (a *Artifact) State(name string) interface{} {
	switch name {
	case "generated_data":
		return a.data
	case "workdir":
		return a.dir
	}
	return nil
}

func (a *Artifact) Destroy() error {
	if a.removeDir {
		return os.RemoveAll(a.dir)
	}
	for _, f := range a.files {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
