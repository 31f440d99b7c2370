package sweeprun

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Shard locks: a runner owns a shard while it holds the file
// shard-NNNNN.lock beside it, created with O_EXCL (atomic on local and
// network file systems alike). The lock names its host and process and
// its modification time is refreshed every lockHeartbeat while the shard
// runs. A lock is stale, and is taken over, when its process is gone
// (same host) or it has not been refreshed for lockStaleAfter (any host:
// the runner was killed with its node, or its job was requeued).
var (
	lockHeartbeat  = 30 * time.Second
	lockStaleAfter = 5 * time.Minute
)

// errLocked reports a shard that another live runner holds.
var errLocked = errors.New("shard is being run by another runner")

// shardLock is a held lock.
type shardLock struct {
	path string
	stop chan struct{}
	done chan struct{}
}

// lockPath returns the lock file of a shard's results file.
func lockPath(shard string) string { return strings.TrimSuffix(shard, ".parquet") + ".lock" }

func lockOwner() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s %d %d\n", host, os.Getpid(), time.Now().Unix())
}

// acquireLock takes the lock at path, taking over a stale one. It returns
// errLocked (wrapped, naming the holder) if a live runner holds it.
func acquireLock(path string) (*shardLock, error) {
	for attempt := 0; ; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, werr := f.WriteString(lockOwner())
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				os.Remove(path)
				return nil, werr
			}
			l := &shardLock{path: path, stop: make(chan struct{}), done: make(chan struct{})}
			go l.heartbeat()
			return l, nil
		}
		if !errors.Is(err, os.ErrExist) || attempt >= 3 {
			return nil, err
		}
		holder, stale := lockStale(path)
		if !stale {
			return nil, fmt.Errorf("%w (%s)", errLocked, holder)
		}
		breakLock(path, holder)
	}
}

// lockStale reads the lock at path and reports its holder and whether it
// is stale.
func lockStale(path string) (holder string, stale bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", true // gone meanwhile: try again
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", true
	}
	holder = strings.TrimSpace(string(b))
	f := strings.Fields(holder)
	if len(f) == 3 {
		host, _ := os.Hostname()
		if pid, err := strconv.Atoi(f[1]); err == nil && f[0] == host && pid > 0 {
			if !processAlive(pid) {
				return holder, true
			}
			if pid == os.Getpid() {
				return holder, false
			}
		}
	}
	return holder, time.Since(fi.ModTime()) > lockStaleAfter
}

// breakLock removes a stale lock whose content is holder. It renames the
// lock aside first and puts it back if, meanwhile, another runner had
// replaced it with a fresh lock, so a live lock is never removed.
func breakLock(path, holder string) {
	aside := fmt.Sprintf("%s.stale-%d-%d", path, os.Getpid(), time.Now().UnixNano())
	if err := os.Rename(path, aside); err != nil {
		return
	}
	b, err := os.ReadFile(aside)
	if err == nil && strings.TrimSpace(string(b)) != holder {
		// A fresh lock was moved aside: put it back, unless yet another
		// runner holds a new lock already (then that one stands).
		_ = os.Link(aside, path)
	}
	os.Remove(aside)
}

// processAlive reports whether a process of this host is running.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// heartbeat refreshes the lock's modification time until release.
func (l *shardLock) heartbeat() {
	defer close(l.done)
	t := time.NewTicker(lockHeartbeat)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			now := time.Now()
			os.Chtimes(l.path, now, now)
		}
	}
}

// release removes the lock.
func (l *shardLock) release() {
	close(l.stop)
	<-l.done
	os.Remove(l.path)
}
