//go:generate packer-sdc mapstructure-to-hcl2 -type Config,DatasourceOutput

package datasource

import (
	"errors"
	"strings"

	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/hashicorp/packer-plugin-sdk/common"
	"github.com/hashicorp/packer-plugin-sdk/hcl2helper"
	packersdk "github.com/hashicorp/packer-plugin-sdk/packer"
	"github.com/hashicorp/packer-plugin-sdk/template/config"
	"github.com/zclconf/go-cty/cty"
)

type Config struct {
	common.PackerConfig `mapstructure:",squash"`

	Greeting string            `mapstructure:"greeting" required:"true"`
	Numbers  []int             `mapstructure:"numbers"`
	Labels   map[string]string `mapstructure:"labels"`
	// When set, Execute fails with this message.
	FailWith string `mapstructure:"fail_with"`
}

// DatasourceOutput is what `data.kilntest-values.NAME` evaluates to.
type DatasourceOutput struct {
	Message string            `mapstructure:"message"`
	Words   []string          `mapstructure:"words"`
	Sum     int               `mapstructure:"sum"`
	Labels  map[string]string `mapstructure:"labels"`
}

type Datasource struct {
	config Config
}

func (d *Datasource) ConfigSpec() hcldec.ObjectSpec { return d.config.FlatMapstructure().HCL2Spec() }

func (d *Datasource) OutputSpec() hcldec.ObjectSpec {
	return (&DatasourceOutput{}).FlatMapstructure().HCL2Spec()
}

func (d *Datasource) Configure(raws ...interface{}) error {
	if err := config.Decode(&d.config, nil, raws...); err != nil {
		return err
	}
	if d.config.Greeting == "" {
		var errs *packersdk.MultiError
		errs = packersdk.MultiErrorAppend(errs, errors.New("the `greeting` must be specified"))
		return errs
	}
	return nil
}

func (d *Datasource) Execute() (cty.Value, error) {
	if d.config.FailWith != "" {
		return cty.NullVal(cty.EmptyObject), errors.New(d.config.FailWith)
	}
	out := DatasourceOutput{
		Message: d.config.Greeting + "!",
		Words:   strings.Fields(d.config.Greeting),
		Labels:  map[string]string{},
	}
	for _, n := range d.config.Numbers {
		out.Sum += n
	}
	for k, v := range d.config.Labels {
		out.Labels[k] = strings.ToUpper(v)
	}
	return hcl2helper.HCL2ValueFromConfig(out, d.OutputSpec()), nil
}
