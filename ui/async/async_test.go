package async

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestRunDeliversOnTheUIGoroutineAndInline(t *testing.T) {
	test.NewTempApp(t)
	got := make(chan int, 1)
	Run(func() int { return 42 }, func(v int) { got <- v })
	if v := <-got; v != 42 {
		t.Fatalf("background Run delivered %d", v)
	}
	RunInline(t)
	n := 0
	Run(func() int { return 7 }, func(v int) { n = v })
	if n != 7 {
		t.Fatalf("inline Run did not deliver before returning: %d", n)
	}
}

func TestRunQueuedHandsDoneToTheTest(t *testing.T) {
	test.NewTempApp(t)
	q := RunQueued(t)
	release := make(chan struct{})
	n := 0
	Run(func() int { <-release; return 3 }, func(v int) { n = v })
	if n != 0 {
		t.Fatal("done ran before the work was released")
	}
	close(release)
	(<-q)()
	if n != 3 {
		t.Fatalf("queued done delivered %d", n)
	}
}
