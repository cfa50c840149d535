//go:generate packer-sdc mapstructure-to-hcl2 -type Config

package postprocessor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/hashicorp/hcl/v2/hcldec"
	"github.com/hashicorp/packer-plugin-sdk/common"
	packersdk "github.com/hashicorp/packer-plugin-sdk/packer"
	"github.com/hashicorp/packer-plugin-sdk/template/config"
	"github.com/hashicorp/packer-plugin-sdk/template/interpolate"
)

const BuilderId = "kiln-test.kilntest-report"

// Config: where to write the report on the input artifact.
type Config struct {
	common.PackerConfig `mapstructure:",squash"`

	Output string `mapstructure:"output" required:"true"`
	// PostProcess's keep and forceOverride results.
	Keep  bool `mapstructure:"keep"`
	Force bool `mapstructure:"force"`

	ctx interpolate.Context
}

type PostProcessor struct {
	config Config
}

// Report is what PostProcess learns from the artifact over RPC.
type Report struct {
	BuildName string      `json:"build_name"`
	BuilderId string      `json:"builder_id"`
	Id        string      `json:"id"`
	String    string      `json:"string"`
	Files     []string    `json:"files"`
	Workdir   interface{} `json:"workdir"`
}

func (p *PostProcessor) ConfigSpec() hcldec.ObjectSpec { return p.config.FlatMapstructure().HCL2Spec() }

func (p *PostProcessor) Configure(raws ...interface{}) error {
	c := &p.config
	err := config.Decode(c, &config.DecodeOpts{
		PluginType:         "kilntest-report",
		Interpolate:        true,
		InterpolateContext: &c.ctx,
	}, raws...)
	if err != nil {
		return err
	}
	if c.Output == "" {
		return errors.New("output must be specified")
	}
	return nil
}

func (p *PostProcessor) PostProcess(ctx context.Context, ui packersdk.Ui, source packersdk.Artifact) (packersdk.Artifact, bool, bool, error) {
	c := &p.config
	ui.Say(fmt.Sprintf("Writing a report on %s to %s", source.BuilderId(), c.Output))
	report := Report{
		BuildName: c.PackerBuildName,
		BuilderId: source.BuilderId(),
		Id:        source.Id(),
		String:    source.String(),
		Files:     source.Files(),
		Workdir:   source.State("workdir"),
	}
	text, err := json.MarshalIndent(report, "", "  ")
	if err != nil {
		return nil, false, false, err
	}
	if err := os.WriteFile(c.Output, append(text, '\n'), 0o644); err != nil {
		return nil, false, false, err
	}
	return &Artifact{path: c.Output}, c.Keep, c.Force, nil
}

// Artifact is the report file.
type Artifact struct {
	path string
}

func (a *Artifact) BuilderId() string        { return BuilderId }
func (a *Artifact) Files() []string          { return []string{a.path} }
func (a *Artifact) Id() string               { return a.path }
func (a *Artifact) String() string           { return fmt.Sprintf("kilntest report: %s", a.path) }
func (a *Artifact) State(string) interface{} { return nil }
func (a *Artifact) Destroy() error           { return os.Remove(a.path) }
