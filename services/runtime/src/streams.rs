//! Bounds on server streams, so that callers who open many and read none cannot make a service
//! run out of memory or threads: a cap on how many of a kind are open at once ([`Slots`]) and a
//! queue per stream bounded in bytes, not items ([`channel`]), since one item may be a whole
//! article.

use std::{
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
};

use futures::Stream;
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore, TryAcquireError};

/// Items a stream's queue may hold whatever their size; the byte budget is the real bound.
const MAX_ITEMS: usize = 1024;

/// A cap on the streams of one kind open at once.
#[derive(Debug, Clone)]
pub struct Slots {
    open: Arc<Semaphore>,
    limit: usize,
    what: &'static str,
    flag: &'static str,
}

/// A stream refused because its kind is at its cap; the message says which cap and the flag
/// that sets it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{limit} {what} are open, as many as this service serves at once ({flag}); close one or retry later")]
pub struct Full {
    limit: usize,
    what: &'static str,
    flag: &'static str,
}

/// A stream's place under a [`Slots`] cap, given back when dropped.
#[derive(Debug)]
pub struct Slot {
    _permit: OwnedSemaphorePermit,
}

impl Slots {
    /// At most `limit` streams of `what` ("changefeeds") open at once, a cap set by `flag`.
    pub fn new(limit: usize, what: &'static str, flag: &'static str) -> Self {
        Self {
            open: Arc::new(Semaphore::new(limit)),
            limit,
            what,
            flag,
        }
    }

    /// A place for one more stream, or [`Full`] when `limit` are open.
    pub fn try_take(&self) -> Result<Slot, Full> {
        match self.open.clone().try_acquire_owned() {
            Ok(permit) => Ok(Slot { _permit: permit }),
            Err(TryAcquireError::NoPermits | TryAcquireError::Closed) => Err(Full {
                limit: self.limit,
                what: self.what,
                flag: self.flag,
            }),
        }
    }
}

/// A queue from a stream's task to its response, holding at most `budget` bytes of items (an
/// item larger than the whole budget is let through alone).
pub fn channel<T>(budget: usize) -> (Sender<T>, Receiver<T>) {
    let budget = u32::try_from(budget.max(1)).unwrap_or(u32::MAX);
    let (tx, rx) = mpsc::channel(MAX_ITEMS);
    (
        Sender {
            tx,
            bytes: Arc::new(Semaphore::new(budget as usize)),
            budget,
        },
        Receiver { rx },
    )
}

/// The sending side of [`channel`].
#[derive(Debug)]
pub struct Sender<T> {
    tx: mpsc::Sender<(T, OwnedSemaphorePermit)>,
    bytes: Arc<Semaphore>,
    budget: u32,
}

/// The receiver is gone: the caller hung up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

impl<T> Sender<T> {
    /// Queues `item` of `size` bytes once the queue has room for it; `Err` when the caller
    /// has gone, including while waiting.
    pub async fn send(&self, item: T, size: usize) -> Result<(), Closed> {
        let size = u32::try_from(size)
            .unwrap_or(u32::MAX)
            .clamp(1, self.budget);
        let permit = tokio::select! {
            permit = self.bytes.clone().acquire_many_owned(size) => permit.map_err(|_| Closed)?,
            () = self.tx.closed() => return Err(Closed),
        };
        self.tx.send((item, permit)).await.map_err(|_| Closed)
    }

    /// Resolves when the caller has gone.
    pub async fn closed(&self) {
        self.tx.closed().await
    }
}

/// The receiving side of [`channel`]: a stream of the items, each giving back its bytes as it
/// is taken.
#[derive(Debug)]
pub struct Receiver<T> {
    rx: mpsc::Receiver<(T, OwnedSemaphorePermit)>,
}

impl<T> Stream for Receiver<T> {
    type Item = T;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.rx
            .poll_recv(cx)
            .map(|next| next.map(|(item, _bytes)| item))
    }
}

#[cfg(test)]
mod tests {
    use futures::StreamExt;

    use super::*;

    #[test]
    fn slots_refuse_past_the_limit_and_come_back_when_dropped() {
        let slots = Slots::new(2, "changefeeds", "--max-changefeeds");
        let first = slots.try_take().expect("one");
        let _second = slots.try_take().expect("two");
        let full = slots.try_take().expect_err("a third is refused");
        assert!(
            full.to_string().starts_with("2 changefeeds are open"),
            "{full}"
        );
        assert!(full.to_string().contains("--max-changefeeds"), "{full}");
        drop(first);
        assert!(slots.try_take().is_ok());
    }

    #[tokio::test]
    async fn a_queue_holds_items_up_to_its_byte_budget_and_lets_a_large_one_through_alone() {
        let (tx, mut rx) = channel::<&str>(100);
        tx.send("Hà Nội", 60).await.expect("fits");
        // 60 + 60 > 100: the second waits until the first is taken.
        let second = tokio::spawn(async move {
            tx.send("Fukuoka", 60).await.expect("fits later");
            tx.send("cả bài báo", 10_000).await.expect("alone");
            tx
        });
        assert_eq!(rx.next().await, Some("Hà Nội"));
        assert_eq!(rx.next().await, Some("Fukuoka"));
        assert_eq!(rx.next().await, Some("cả bài báo"));
        let tx = second.await.expect("joins");
        drop(rx);
        assert_eq!(tx.send("Hokkaido", 1).await, Err(Closed));
    }

    #[tokio::test]
    async fn a_sender_waiting_for_room_sees_the_caller_hang_up() {
        let (tx, rx) = channel::<u8>(10);
        tx.send(1, 10).await.expect("fits");
        let waiting = tokio::spawn(async move { tx.send(2, 10).await });
        drop(rx);
        assert_eq!(waiting.await.expect("joins"), Err(Closed));
    }
}
