package lead

import (
	"errors"
	"iter"
)

// Batch is one batch of a streamed file (see DecodeStream): its leads,
// rejections and warnings, and how far the reading has come, in bytes
// read (Done) of the file's size (Total), for progress.
type Batch struct {
	*Result
	Done, Total int64
}

// errStopped ends a DecodeStream whose loop over Batches broke off.
var errStopped = errors.New("lead: batches no longer wanted")

// Batches is DecodeStream as a range loop: each batch in file order, then,
// if the file failed, its error (a *FileError when it is not well-formed)
// as the last pair, whose Batch is empty. Breaking out of the loop stops
// the reading and closes the file. The loop body stores or shows each
// batch, with no callback to thread state through.
func Batches(path string, batch int) iter.Seq2[Batch, error] {
	return func(yield func(Batch, error) bool) {
		err := DecodeStream(path, batch, func(res *Result, done, total int64) error {
			if !yield(Batch{Result: res, Done: done, Total: total}, nil) {
				return errStopped
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStopped) {
			yield(Batch{}, err)
		}
	}
}
