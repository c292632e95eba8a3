//go:build tools

// Package tools pins the package behind the kwok binary so `go mod tidy` records its dependencies.
package tools

import _ "sigs.k8s.io/kwok/pkg/kwok/cmd"
