package pseudo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// Errors about the key.
var (
	// ErrNoKey means no pseudonymisation key was configured or the source gave none.
	ErrNoKey = errors.New("no pseudonymisation key (set UWP_PSEUDONYM_KEY or configure a key file or command)")
	// ErrWeakKey means the key is shorter than MinKeyLen bytes.
	ErrWeakKey = errors.New("pseudonymisation key too short")
)

// MinKeyLen is the shortest key accepted: 128 bits.
const MinKeyLen = 16

// DefaultEnv is the environment variable EnvKey reads when its name is empty.
const DefaultEnv = "UWP_PSEUDONYM_KEY"

// KeyProvider yields the secret key. Implementations trim one trailing newline.
type KeyProvider interface {
	Key(ctx context.Context) ([]byte, error)
	// String says where the key comes from, never the key itself.
	String() string
}

// FileKey reads the key from a file (the whole file, minus a trailing newline).
type FileKey string

func (f FileKey) Key(context.Context) ([]byte, error) {
	b, err := os.ReadFile(string(f))
	if err != nil {
		return nil, fmt.Errorf("pseudonymisation key file: %w", err)
	}
	return checkKey(b, f)
}

func (f FileKey) String() string { return "file:" + string(f) }

// EnvKey reads the key from an environment variable; "" means DefaultEnv.
type EnvKey string

func (e EnvKey) name() string {
	if e == "" {
		return DefaultEnv
	}
	return string(e)
}

func (e EnvKey) Key(context.Context) ([]byte, error) {
	v, ok := os.LookupEnv(e.name())
	if !ok {
		return nil, fmt.Errorf("%w: $%s is not set", ErrNoKey, e.name())
	}
	return checkKey([]byte(v), e)
}

func (e EnvKey) String() string { return "env:" + e.name() }

// CommandKey runs a command and takes its standard output as the key.
type CommandKey struct {
	Name string
	Args []string
}

func (c CommandKey) Key(ctx context.Context) ([]byte, error) {
	cmd := exec.CommandContext(ctx, c.Name, c.Args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("pseudonymisation key command %s: %w: %s", c.Name, err, strings.TrimSpace(stderr.String()))
	}
	return checkKey(out, c)
}

func (c CommandKey) String() string {
	return "cmd:" + strings.Join(append([]string{c.Name}, c.Args...), " ")
}

func checkKey(b []byte, src KeyProvider) ([]byte, error) {
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	switch {
	case len(b) == 0:
		return nil, fmt.Errorf("%w: %s is empty", ErrNoKey, src)
	case len(b) < MinKeyLen:
		return nil, fmt.Errorf("%w: %s gives %d bytes, want at least %d", ErrWeakKey, src, len(b), MinKeyLen)
	}
	return b, nil
}

// ParseKeySource reads a key source from configuration: "file:PATH", "env:NAME" (or "env:"
// for UWP_PSEUDONYM_KEY) or "cmd:COMMAND ARG..." (split on spaces, no shell). An empty spec
// is ErrNoKey: there is no default key.
func ParseKeySource(spec string) (KeyProvider, error) {
	kind, arg, ok := strings.Cut(spec, ":")
	switch {
	case spec == "":
		return nil, ErrNoKey
	case !ok:
		return nil, fmt.Errorf("key source %q: want file:PATH, env:NAME or cmd:COMMAND", spec)
	case kind == "file" && arg != "":
		return FileKey(arg), nil
	case kind == "env":
		return EnvKey(arg), nil
	case kind == "cmd":
		f := strings.Fields(arg)
		if len(f) == 0 {
			return nil, fmt.Errorf("key source %q: empty command", spec)
		}
		return CommandKey{Name: f[0], Args: f[1:]}, nil
	}
	return nil, fmt.Errorf("key source %q: want file:PATH, env:NAME or cmd:COMMAND", spec)
}
