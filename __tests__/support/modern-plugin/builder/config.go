//go:generate packer-sdc mapstructure-to-hcl2 -type Config,Disk,Item

package builder

import (
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/packer-plugin-sdk/common"
	packersdk "github.com/hashicorp/packer-plugin-sdk/packer"
	"github.com/hashicorp/packer-plugin-sdk/template/config"
	"github.com/hashicorp/packer-plugin-sdk/template/interpolate"
)

// Config covers each kind of attribute a spec carries: string, number, bool,
// list, map, a duration (a string in HCL2), a single nested block and a list
// of blocks, plus Packer's common settings.
type Config struct {
	common.PackerConfig `mapstructure:",squash"`

	// Said by Run; required.
	Message string `mapstructure:"message" required:"true"`
	// How many times Run says the message.
	Count int `mapstructure:"count"`
	// False only warns: Run then skips the provision hook.
	Enabled bool              `mapstructure:"enabled"`
	Tags    map[string]string `mapstructure:"tags"`
	// Commands Run executes through its own communicator before the hook.
	Commands []string `mapstructure:"commands"`
	// Directory the "machine" lives in; a temporary one when empty.
	Workdir  string        `mapstructure:"workdir"`
	BootWait time.Duration `mapstructure:"boot_wait"`
	// Reports progress through Ui.TrackProgress while "downloading".
	TrackProgress bool `mapstructure:"track_progress"`
	// When set, Run fails with this message after the hook.
	FailWith string `mapstructure:"fail_with"`
	Disk     Disk   `mapstructure:"disk"`
	Items    []Item `mapstructure:"item"`

	ctx interpolate.Context
}

type Disk struct {
	Size  int    `mapstructure:"size"`
	Label string `mapstructure:"label"`
}

type Item struct {
	Name  string `mapstructure:"name" required:"true"`
	Value string `mapstructure:"value"`
}

func (c *Config) Prepare(raws ...interface{}) ([]string, error) {
	err := config.Decode(c, &config.DecodeOpts{
		PluginType:         BuilderId,
		Interpolate:        true,
		InterpolateContext: &c.ctx,
	}, raws...)
	if err != nil {
		return nil, err
	}

	var errs *packersdk.MultiError
	if c.Message == "" {
		errs = packersdk.MultiErrorAppend(errs, errors.New("message must be specified"))
	}
	if c.Count < 0 {
		errs = packersdk.MultiErrorAppend(errs, fmt.Errorf("count must not be negative, got %d", c.Count))
	}
	if c.Disk.Size < 0 {
		errs = packersdk.MultiErrorAppend(errs, errors.New("disk.size must not be negative"))
	}
	for i, item := range c.Items {
		if item.Name == "" {
			errs = packersdk.MultiErrorAppend(errs, fmt.Errorf("item %d: name must be specified", i))
		}
	}
	if errs != nil && len(errs.Errors) > 0 {
		return nil, errs
	}

	var warnings []string
	if !c.Enabled {
		warnings = append(warnings, "enabled is false: the provision hook will not run")
	}
	return warnings, nil
}
