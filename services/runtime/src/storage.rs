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
    fn a_database_still_open_is_refused_after_the_wait() {
        let dir = tempfile::tempdir().expect("temp dir");
        let _held = open_db(dir.path(), 1 << 20).expect("opens");
        match open_db(dir.path(), 1 << 20) {
            Err(sled::Error::Io(e)) => assert!(is_lock_held(&e), "{e}"),
            other => panic!("a held database opened twice: {:?}", other.map(|_| ())),
        }
    }
}
