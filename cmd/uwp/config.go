package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// loadConfig resolves a command's settings with one precedence, highest first:
//
//  1. flags given on the command line,
//  2. UWP_* environment variables (UWP_DATA, UWP_UNION_DEFAULT_GRAPH: the key in upper case,
//     dashes and dots as underscores),
//  3. the config file: --config, else $UWP_CONFIG, else ./uwp.yaml when it exists,
//  4. the flag defaults.
//
// Keys are the flag names (data, base, graph, ...); the file may use dashes or underscores.
// Only package main reads configuration: commands hand plain values down.
func loadConfig(fs *pflag.FlagSet) (*viper.Viper, error) {
	v := viper.New()
	v.SetEnvPrefix("UWP")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	v.AutomaticEnv()
	if err := v.BindPFlags(fs); err != nil {
		return nil, err
	}
	path, _ := fs.GetString("config")
	if path == "" {
		path = os.Getenv("UWP_CONFIG")
	}
	if path == "" {
		// Only uwp.yaml or uwp.yml: viper's own search would also take a file named plain
		// "uwp", such as the binary built in the working directory.
		for _, name := range []string{"uwp.yaml", "uwp.yml"} {
			if _, err := os.Stat(name); err == nil {
				path = name
				break
			}
		}
	}
	if path != "" {
		v.SetConfigFile(path)
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
	}
	// Accept snake_case spellings in the file for dashed flag names.
	fs.VisitAll(func(f *pflag.Flag) {
		alt := strings.ReplaceAll(f.Name, "-", "_")
		if _, inEnv := os.LookupEnv("UWP_" + strings.ToUpper(alt)); alt != f.Name && !f.Changed && !inEnv && v.InConfig(alt) {
			v.Set(f.Name, v.Get(alt))
		}
	})
	return v, nil
}
