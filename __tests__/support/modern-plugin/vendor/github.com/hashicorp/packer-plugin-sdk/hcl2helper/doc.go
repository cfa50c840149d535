// Copyright IBM Corp. 2013, 2025
// SPDX-License-Identifier: MPL-2.0

/*
Package hcl2helper provides helper functions for parsing or getting hcl2 types to and from a Packer plugin config.
*/
package hcl2helper
