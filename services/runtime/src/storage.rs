//! Opening a service's sled database.
//!
//! Dropping a `sled::Db` does not release its file lock at once: sled's background flusher
//! thread holds it until that thread has wound down (spacejam/sled#1289). A database opened
//! again right after it was closed in the same process (a restart in place, `reextract` after
//! the service's own shutdown, a test) can meet a lock that its previous owner is about to let
//! go. [`open_db`] waits a bounded while for it; any other error, and a lock still held after
//! the wait (the database is open elsewhere), is returned as it is.
//!
//! A write that fails (a full disk) leaves sled refusing every later write on that handle — its
//! "global error" is never cleared — and holding in memory what never became durable. A service
//! therefore reaches its store through a [`Database`], which it reopens once the disk has room
//! again ([`Database::reopen_when_room`]): the reopened store holds exactly what was durable.

use std::{
    io,
    path::{Path, PathBuf},
    sync::{Arc, PoisonError, RwLock},
    thread,
    time::{Duration, Instant},
};

/// How many times a lock held by a closing database is tried again.
const LOCK_RETRIES: u32 = 40;
/// The pause between tries: 40 × 25 ms bounds the wait at one second.
const LOCK_RETRY_PAUSE: Duration = Duration::from_millis(25);

/// Opens (or creates) the sled database in `dir` with `cache_bytes` of page cache, waiting up
/// to a second for a lock that a database just closed in this process still holds.
pub fn open_db(dir: &Path, cache_bytes: u64) -> sled::Result<sled::Db> {
    let config = sled::Config::new().path(dir).cache_capacity(cache_bytes);
    let mut tries = 0;
    loop {
        match config.open() {
            Err(sled::Error::Io(e)) if is_lock_held(&e) => {
                tries += 1;
                if tries > LOCK_RETRIES {
                    return Err(sled::Error::Io(e));
                }
                thread::sleep(LOCK_RETRY_PAUSE);
            }
            result => return result,
        }
    }
}

/// A service's store, as [`Database`] opens it again.
pub trait Open: Sized + Send + Sync + 'static {
    /// Why it could not be opened.
    type Error: From<sled::Error> + std::fmt::Display + Send + 'static;
    /// Opens (or creates) it in `dir` with `cache_bytes` of page cache.
    fn open(dir: &Path, cache_bytes: u64) -> Result<Self, Self::Error>;
}

/// How long a reopen waits for readers of the old store to let it go before closing it anyway.
const RELEASE_WAIT: Duration = Duration::from_secs(2);
/// First wait before checking whether a failed store can take writes again; it doubles up to
/// [`MAX_RETRY`].
const MIN_RETRY: Duration = Duration::from_millis(100);
/// Longest wait between two such checks.
const MAX_RETRY: Duration = Duration::from_secs(2);
/// Free space a failed store must have before it is reopened: more than a batch and one of
/// sled's log segments, so that the first write after the reopen does not fail again.
const ROOM_NEEDED: usize = 4 << 20;

/// A service's store as it is now, replaced by [`Database::reopen`] after a failed write.
pub struct Database<S> {
    dir: PathBuf,
    cache_bytes: u64,
    /// `None` only while a reopen is under way, or after one failed until the next succeeds.
    current: RwLock<Option<Arc<S>>>,
}

impl<S: Open> Database<S> {
    /// Opens (or creates) the store in `dir`, with `cache_bytes` of page cache.
    pub fn open(dir: &Path, cache_bytes: u64) -> Result<Self, S::Error> {
        let store = S::open(dir, cache_bytes)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            cache_bytes,
            current: RwLock::new(Some(Arc::new(store))),
        })
    }

    /// The store to read or write now; `None` while it is being reopened. Callers hold it for
    /// one operation, not longer, so that a reopen does not wait on them.
    pub fn current(&self) -> Option<Arc<S>> {
        self.current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Closes the store and opens it again from disk, so that it holds what is durable and
    /// takes writes again. Blocks while the old store's readers finish (at most
    /// [`RELEASE_WAIT`]) and sled lets its lock go.
    pub fn reopen(&self) -> Result<Arc<S>, S::Error> {
        let old = self
            .current
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(old) = old {
            let deadline = Instant::now() + RELEASE_WAIT;
            // Another holder keeps sled's lock; once the count is one, dropping closes it. sled
            // does not flush a handle whose write failed when it drops it: what failed goes.
            while Arc::strong_count(&old) > 1 && Instant::now() < deadline {
                thread::sleep(Duration::from_millis(5));
            }
        }
        let store = Arc::new(S::open(&self.dir, self.cache_bytes)?);
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = Some(store.clone());
        Ok(store)
    }

    /// Waits until the disk holding the store has room, then reopens it; tries again, less
    /// often each time, until both succeed.
    pub async fn reopen_when_room(self: &Arc<Self>) -> Arc<S> {
        let mut pause = MIN_RETRY;
        loop {
            tokio::time::sleep(pause).await;
            let db = self.clone();
            let reopened = tokio::task::spawn_blocking(move || {
                has_room(&db.dir, ROOM_NEEDED).map_err(|e| S::Error::from(sled::Error::Io(e)))?;
                db.reopen()
            })
            .await;
            match reopened {
                Ok(Ok(store)) => return store,
                Ok(Err(err)) => {
                    tracing::debug!(error = %err, retry_in = ?pause, "the store cannot take writes yet");
                }
                Err(panicked) => tracing::error!(error = %panicked, "reopening the store panicked"),
            }
            pause = (pause * 2).min(MAX_RETRY);
        }
    }
}

/// Why a database in `dir` could not be opened, in words an operator can act on: another
/// process holding it, a full disk, missing permissions, or sled's own error. `program` names
/// the service that owns such databases.
pub fn open_failure(dir: &Path, program: &str, err: &sled::Error) -> String {
    let dir = dir.display();
    let cause = match err {
        sled::Error::Io(e) if is_lock_held(e) => {
            format!("another {program} is using it (its lock is held)")
        }
        sled::Error::Io(_) if is_disk_full(err) => {
            "the disk is full: free some space on it and start again".to_string()
        }
        sled::Error::Io(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            format!("permission denied: {e}")
        }
        other => other.to_string(),
    };
    format!("cannot open the database in {dir}: {cause}")
}

/// [`open_failure`] for a service's own error, which holds sled's as its source.
pub fn open_failed(
    dir: &Path,
    program: &str,
    err: &(dyn std::error::Error + 'static),
) -> anyhow::Error {
    let mut cause = Some(err);
    while let Some(e) = cause {
        if let Some(sled) = e.downcast_ref::<sled::Error>() {
            return anyhow::anyhow!(open_failure(dir, program, sled));
        }
        cause = e.source();
    }
    anyhow::anyhow!("cannot open the database in {}: {err}", dir.display())
}

/// Whether the file system holding `dir` takes `bytes` more now: writes them to a scratch file
/// there, syncs it and removes it. A service whose writes failed for lack of space asks this
/// before it reopens its database, so that it does not fail again at once. The bytes are not
/// zeros, which a compressing file system would store in nothing.
pub fn has_room(dir: &Path, bytes: usize) -> io::Result<()> {
    use std::io::Write;
    let path = dir.join(".hoptac-space-check");
    let written = (|| {
        let mut file = std::fs::File::create(&path)?;
        let block: Vec<u8> = (0..64 * 1024u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
            .collect();
        let mut left = bytes;
        while left > 0 {
            let n = left.min(block.len());
            file.write_all(&block[..n])?;
            left -= n;
        }
        file.sync_all()
    })();
    let removed = std::fs::remove_file(&path);
    written.and(removed)
}

/// Whether sled failed for lack of room on the device: its I/O error is ENOSPC (or a quota's
/// EDQUOT).
pub fn is_disk_full(err: &sled::Error) -> bool {
    matches!(err, sled::Error::Io(e) if matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    ) || e.to_string().contains("No space left on device"))
}

/// Whether sled failed to open because another handle holds the database's lock. sled 0.34
/// reports it only as an `Other` error whose message starts with these words
/// (`Config::open` in its `config.rs`); the lock call's own error, WouldBlock, is in the text.
fn is_lock_held(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Other && e.to_string().starts_with("could not acquire lock")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_closed_a_moment_later_opens_with_its_data() {
        let dir = tempfile::tempdir().expect("temp dir");
        let held = open_db(dir.path(), 1 << 20).expect("opens");
        held.insert(b"article", b"kept".as_slice()).expect("writes");
        held.flush().expect("flushes");
        // The previous owner lets go while the second open is already waiting, as sled's
        // flusher thread does after a drop.
        let closer = thread::spawn(move || {
            thread::sleep(Duration::from_millis(100));
            drop(held);
        });
        let db = open_db(dir.path(), 1 << 20).expect("opens once the lock is let go");
        assert_eq!(
            db.get(b"article").expect("reads").as_deref(),
            Some(b"kept".as_slice())
        );
        closer.join().expect("closer thread");
    }

    #[test]
    fn an_open_failure_names_its_cause() {
        let dir = Path::new("/srv/hoptac/ingest");
        let full = sled::Error::Io(io::Error::from(io::ErrorKind::StorageFull));
        assert!(open_failure(dir, "hoptac-ingest", &full).contains("the disk is full"));
        let held = sled::Error::Io(io::Error::other(
            "could not acquire lock on \"/srv/hoptac/ingest/db\": WouldBlock",
        ));
        let message = open_failure(dir, "hoptac-ingest", &held);
        assert!(
            message.contains("another hoptac-ingest is using it"),
            "{message}"
        );
        assert!(message.contains("/srv/hoptac/ingest"), "{message}");
    }

    /// A store of one sled database, as the services' stores are.
    struct Plain(sled::Db);

    impl Open for Plain {
        type Error = sled::Error;

        fn open(dir: &Path, cache_bytes: u64) -> sled::Result<Self> {
            open_db(dir, cache_bytes).map(Plain)
        }
    }

    #[test]
    fn a_reopen_waits_for_a_reader_and_finds_what_was_durable() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Database::<Plain>::open(dir.path(), 1 << 20).expect("opens");
        let store = db.current().expect("open");
        store
            .0
            .insert(b"bai-viet", b"da luu".as_slice())
            .expect("writes");
        store.0.flush().expect("flushes");
        // A reader still holds the store when the reopen begins, and lets it go a moment later.
        let reader = thread::spawn(move || {
            thread::sleep(Duration::from_millis(100));
            drop(store);
        });
        let reopened = db.reopen().expect("reopens once the reader is done");
        assert_eq!(
            reopened.0.get(b"bai-viet").expect("reads").as_deref(),
            Some(b"da luu".as_slice())
        );
        assert!(Arc::ptr_eq(&reopened, &db.current().expect("open")));
        reader.join().expect("reader thread");
    }

    #[test]
    fn a_room_check_leaves_nothing_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        has_room(dir.path(), 200_000).expect("room for 200 kB");
        assert_eq!(
            std::fs::read_dir(dir.path()).expect("lists").count(),
            0,
            "the scratch file is gone"
        );
        assert!(has_room(&dir.path().join("missing"), 1).is_err());
    }

    #[test]
    fn a_database_still_open_is_refused_after_the_wait() {
        let dir = tempfile::tempdir().expect("temp dir");
        let _held = open_db(dir.path(), 1 << 20).expect("opens");
        match open_db(dir.path(), 1 << 20) {
            Err(sled::Error::Io(e)) => assert!(is_lock_held(&e), "{e}"),
            other => panic!("a held database opened twice: {:?}", other.map(|_| ())),
        }
    }
}
