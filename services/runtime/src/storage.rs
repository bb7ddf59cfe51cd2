//! Opening a service's sled database.
//!
//! Dropping a `sled::Db` does not release its file lock at once: sled's background flusher
//! thread holds it until that thread has wound down (spacejam/sled#1289). A database opened
//! again right after it was closed in the same process (a restart in place, `reextract` after
//! the service's own shutdown, a test) can meet a lock that its previous owner is about to let
//! go. [`open_db`] waits a bounded while for it; any other error, and a lock still held after
//! the wait (the database is open elsewhere), is returned as it is.

use std::{io, path::Path, thread, time::Duration};

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

/// Why a database in `dir` could not be opened, in words an operator can act on: another
/// process holding it, a full disk, missing permissions, or sled's own error. `program` names
/// the service that owns such databases.
pub fn open_failure(dir: &Path, program: &str, err: &sled::Error) -> String {
    let dir = dir.display();
    let cause = match err {
        sled::Error::Io(e) if is_lock_held(e) => {
            format!("another {program} is using it (its lock is held)")
        }
        sled::Error::Io(e) if is_disk_full(e) => {
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

/// Whether an I/O error is ENOSPC (or a quota's EDQUOT): no room left on the device.
pub fn is_disk_full(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    ) || e.to_string().contains("No space left on device")
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
