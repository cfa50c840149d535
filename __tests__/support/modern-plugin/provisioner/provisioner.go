//go:generate packer-sdc mapstructure-to-hcl2 -type Config

package provisioner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/hashicorp/packer-plugin-sdk/common"
	packersdk "github.com/hashicorp/packer-plugin-sdk/packer"
	"github.com/hashicorp/packer-plugin-sdk/template/config"
	"github.com/hashicorp/packer-plugin-sdk/template/interpolate"
)

// Config: commands to run through the host's communicator, and a file to
// upload and download back.
type Config struct {
	common.PackerConfig `mapstructure:",squash"`

	Inline         []string          `mapstructure:"inline" required:"true"`
	Env            map[string]string `mapstructure:"env"`
	ValidExitCodes []int             `mapstructure:"valid_exit_codes"`
	// Given to each command on its standard input.
	Stdin         string `mapstructure:"stdin"`
	UploadPath    string `mapstructure:"upload_path"`
	UploadContent string `mapstructure:"upload_content"`
	// Keys of the provision hook data to say, as KEY=VALUE.
	PrintGenerated []string `mapstructure:"print_generated"`

	ctx interpolate.Context
}

type Provisioner struct {
	config Config
}

func (p *Provisioner) ConfigSpec() hcldec.ObjectSpec { return p.config.FlatMapstructure().HCL2Spec() }

func (p *Provisioner) Prepare(raws ...interface{}) error {
	c := &p.config
	err := config.Decode(c, &config.DecodeOpts{
		PluginType:         "kilntest-exec",
		Interpolate:        true,
		InterpolateContext: &c.ctx,
	}, raws...)
	if err != nil {
		return err
	}
	var errs *packersdk.MultiError
	if len(c.Inline) == 0 {
		errs = packersdk.MultiErrorAppend(errs, errors.New("inline must contain at least one command"))
	}
	if c.UploadContent != "" && c.UploadPath == "" {
		errs = packersdk.MultiErrorAppend(errs, errors.New("upload_path must be specified with upload_content"))
	}
	if errs != nil && len(errs.Errors) > 0 {
		return errs
	}
	if len(c.ValidExitCodes) == 0 {
		c.ValidExitCodes = []int{0}
	}
	return nil
}

func (p *Provisioner) Provision(ctx context.Context, ui packersdk.Ui, comm packersdk.Communicator, generatedData map[string]interface{}) error {
	c := &p.config
	ui.Say("Provisioning with kilntest-exec")
	for _, key := range c.PrintGenerated {
		ui.Say(fmt.Sprintf("%s=%v", key, generatedData[key]))
	}

	if c.UploadPath != "" {
		ui.Say(fmt.Sprintf("Uploading %d bytes to %s", len(c.UploadContent), c.UploadPath))
		var info os.FileInfo = fileInfo{name: path.Base(c.UploadPath), size: int64(len(c.UploadContent))}
		if err := comm.Upload(c.UploadPath, strings.NewReader(c.UploadContent), &info); err != nil {
			return fmt.Errorf("upload of %s failed: %w", c.UploadPath, err)
		}
		var back bytes.Buffer
		if err := comm.Download(c.UploadPath, &back); err != nil {
			return fmt.Errorf("download of %s failed: %w", c.UploadPath, err)
		}
		if back.String() != c.UploadContent {
			return fmt.Errorf("downloaded %q, uploaded %q", back.String(), c.UploadContent)
		}
		ui.Say(fmt.Sprintf("Downloaded %s back intact", c.UploadPath))
	}

	prefix := envPrefix(c.Env)
	for _, command := range c.Inline {
		ui.Say(fmt.Sprintf("Running: %s", command))
		cmd := &packersdk.RemoteCmd{Command: prefix + command}
		if c.Stdin != "" {
			cmd.Stdin = strings.NewReader(c.Stdin)
		}
		if err := cmd.RunWithUi(ctx, comm, ui); err != nil {
			return err
		}
		if !validExitCode(cmd.ExitStatus(), c.ValidExitCodes) {
			return fmt.Errorf("Script exited with non-zero exit status: %d. Allowed exit codes are: %v",
				cmd.ExitStatus(), c.ValidExitCodes)
		}
	}
	return nil
}

func validExitCode(status int, valid []int) bool {
	for _, v := range valid {
		if v == status {
			return true
		}
	}
	return false
}

// envPrefix: "K='v' " for each variable, sorted, quoted for /bin/sh.
func envPrefix(env map[string]string) string {
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s='%s' ", k, strings.ReplaceAll(env[k], "'", `'"'"'`))
	}
	return b.String()
}

// fileInfo describes the uploaded content: it crosses the wire as the SDK's
// rpc.fileInfo, a Go time.Time among its fields.
type fileInfo struct {
	name string
	size int64
}

func (f fileInfo) Name() string       { return f.name }
func (f fileInfo) Size() int64        { return f.size }
func (f fileInfo) Mode() os.FileMode  { return 0o640 }
func (f fileInfo) ModTime() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }
func (f fileInfo) IsDir() bool        { return false }
func (f fileInfo) Sys() interface{}   { return nil }
