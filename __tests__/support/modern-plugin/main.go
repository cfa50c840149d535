// packer-plugin-kilntest: a multi-component Packer plugin built on
// packer-plugin-sdk's own server code (plugin.Set), for Kiln's bridge tests.
// Its components are small but real: config structs decoded by the SDK with
// the HCL2 specs packer-sdc generates, a builder that serves a communicator
// to the provision hook, a provisioner that drives the host's communicator, a
// post-processor that reads the artifact it is given, and a data source.
package main

import (
	"fmt"
	"os"

	"github.com/hashicorp/packer-plugin-sdk/plugin"
	"github.com/hashicorp/packer-plugin-sdk/version"

	"github.com/kiln-test/packer-plugin-kilntest/builder"
	"github.com/kiln-test/packer-plugin-kilntest/datasource"
	"github.com/kiln-test/packer-plugin-kilntest/postprocessor"
	"github.com/kiln-test/packer-plugin-kilntest/provisioner"
)

// Version is the version `describe` reports and the installed file name carries.
var Version = version.NewPluginVersion("0.0.1", "", "")

func main() {
	set := plugin.NewSet()
	set.RegisterBuilder(plugin.DEFAULT_NAME, new(builder.Builder))
	set.RegisterProvisioner("exec", new(provisioner.Provisioner))
	set.RegisterPostProcessor("report", new(postprocessor.PostProcessor))
	set.RegisterDatasource("values", new(datasource.Datasource))
	set.SetVersion(Version)
	if err := set.Run(); err != nil {
		fmt.Fprintln(os.Stderr, err.Error())
		os.Exit(1)
	}
}
