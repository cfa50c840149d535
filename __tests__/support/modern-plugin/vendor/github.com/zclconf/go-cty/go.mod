module github.com/zclconf/go-cty

require (
	github.com/apparentlymart/go-textseg/v13 v13.0.0
	github.com/google/go-cmp v0.3.1
	github.com/vmihailenco/msgpack/v5 v5.3.5
	golang.org/x/text v0.3.8
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/vmihailenco/tagparser/v2 v2.0.0 // indirect
)

go 1.18
