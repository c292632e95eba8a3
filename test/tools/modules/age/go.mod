// Wrapper module: builds filippo.io/age/cmd/age-keygen at the version it requires, kept apart from
// the other tools' modules so version selection cannot mix their dependencies.
module ferry.local/tools/age

go 1.25.0

tool filippo.io/age/cmd/age-keygen

require (
	filippo.io/age v1.3.2 // indirect
	filippo.io/hpke v0.4.0 // indirect
	golang.org/x/crypto v0.55.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/term v0.45.0 // indirect
)
