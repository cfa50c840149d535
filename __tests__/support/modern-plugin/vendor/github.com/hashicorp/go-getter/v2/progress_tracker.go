// Package getter stands in for github.com/hashicorp/go-getter/v2, which Debian
// does not package: packer-plugin-sdk's packer.Ui embeds only this interface
// from it (written here from go-getter's declaration; not go-getter's code).
package getter

import "io"

// ProgressTracker allows to track the progress of downloads.
type ProgressTracker interface {
	// TrackProgress should be called when a new object is being downloaded.
	// src is the location the file is downloaded from; currentSize the
	// current size of the file in case it is a partial download; totalSize
	// the total size in bytes (0 when unknown); stream the download stream.
	// The returned ReadCloser is read instead of stream.
	TrackProgress(src string, currentSize, totalSize int64, stream io.ReadCloser) (body io.ReadCloser)
}
