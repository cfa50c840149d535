package builder

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2/hcldec"
	packersdk "github.com/hashicorp/packer-plugin-sdk/packer"
)

const BuilderId = "kiln-test.kilntest"

// The names Prepare declares as generated data; Run fills them.
var generatedNames = []string{"KilnWorkdir", "KilnMessage"}

// Builder makes a "machine" that is a local directory, reached through a
// communicator that runs commands in it (see communicator.go).
type Builder struct {
	config Config
}

func (b *Builder) ConfigSpec() hcldec.ObjectSpec { return b.config.FlatMapstructure().HCL2Spec() }

func (b *Builder) Prepare(raws ...interface{}) ([]string, []string, error) {
	warnings, err := b.config.Prepare(raws...)
	if err != nil {
		return nil, warnings, err
	}
	return generatedNames, warnings, nil
}

func (b *Builder) Run(ctx context.Context, ui packersdk.Ui, hook packersdk.Hook) (packersdk.Artifact, error) {
	c := &b.config
	workdir, created, err := makeWorkdir(c.Workdir)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (packersdk.Artifact, error) {
		if created {
			os.RemoveAll(workdir)
		}
		return nil, err
	}

	ui.Say(fmt.Sprintf("Creating machine for build %q", c.PackerBuildName))
	ui.Machine("kilntest-workdir", workdir)
	count := c.Count
	if count == 0 {
		count = 1
	}
	for i := 0; i < count; i++ {
		ui.Message(c.Message)
	}
	for _, k := range sortedKeys(c.Tags) {
		ui.Message(fmt.Sprintf("tag %s=%s", k, c.Tags[k]))
	}
	if c.Disk.Size > 0 || c.Disk.Label != "" {
		ui.Message(fmt.Sprintf("disk %q: %d MB", c.Disk.Label, c.Disk.Size))
	}
	for _, item := range c.Items {
		ui.Message(fmt.Sprintf("item %s=%s", item.Name, item.Value))
	}

	if c.BootWait > 0 {
		ui.Say(fmt.Sprintf("Waiting %s for boot...", c.BootWait))
		select {
		case <-ctx.Done():
			return fail(errors.New("interrupted while waiting for boot"))
		case <-time.After(c.BootWait):
		}
	}

	if c.TrackProgress {
		payload := bytes.Repeat([]byte("kiln"), 4096)
		body := ui.TrackProgress("kilntest-image", 0, int64(len(payload)), io.NopCloser(bytes.NewReader(payload)))
		n, err := io.Copy(io.Discard, body)
		body.Close()
		if err != nil {
			return fail(err)
		}
		ui.Say(fmt.Sprintf("Downloaded %d bytes", n))
	}

	comm := &Communicator{Dir: workdir}
	for _, command := range c.Commands {
		ui.Say(fmt.Sprintf("Running: %s", command))
		cmd := &packersdk.RemoteCmd{Command: command}
		if err := cmd.RunWithUi(ctx, comm, ui); err != nil {
			return fail(err)
		}
		if status := cmd.ExitStatus(); status != 0 {
			return fail(fmt.Errorf("command %q exited with status %d", command, status))
		}
	}

	data := provisionHookData(workdir, c.Message)
	if c.Enabled {
		ui.Say("Running the provision hook")
		if err := hook.Run(ctx, packersdk.HookProvision, ui, comm, data); err != nil {
			return fail(err)
		}
	}
	if c.FailWith != "" {
		return fail(errors.New(c.FailWith))
	}

	file := filepath.Join(workdir, "artifact.txt")
	if err := os.WriteFile(file, []byte(c.Message+"\n"), 0o644); err != nil {
		return fail(err)
	}
	return &Artifact{dir: workdir, removeDir: created, files: []string{file}, data: data}, nil
}

func makeWorkdir(dir string) (string, bool, error) {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "kilntest-machine-")
		return tmp, true, err
	}
	return dir, false, os.MkdirAll(dir, 0o755)
}

// provisionHookData: the keys Packer's StepProvision gives provisioners
// (commonsteps.PopulateProvisionHookData), then the builder's generated data.
func provisionHookData(workdir, message string) map[string]interface{} {
	return map[string]interface{}{
		"ID":             filepath.Base(workdir),
		"Host":           "127.0.0.1",
		"Port":           0,
		"User":           "kilntest",
		"Password":       "",
		"ConnType":       "kilntest",
		"PackerRunUUID":  os.Getenv("PACKER_RUN_UUID"),
		"PackerHTTPIP":   "",
		"PackerHTTPPort": "",
		"PackerHTTPAddr": "",
		"SSHPublicKey":   "",
		"SSHPrivateKey":  "",
		"WinRMPassword":  "",
		"KilnWorkdir":    workdir,
		"KilnMessage":    strings.TrimSpace(message),
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
