//! One suite, run against every engine.

use serde::{Deserialize, Serialize};

use crate::{Db, Read, StoreError, Table};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Thing {
    name: String,
    #[serde(default)]
    size: u32,
}

const THINGS: Table<Thing> = Table::new("things", 2);
const OLD_THINGS: Table<Thing> = Table::new("things", 1);

fn thing(name: &str) -> Thing {
    Thing {
        name: name.to_owned(),
        size: 1,
    }
}

fn engines() -> Vec<(Db, Option<tempfile::TempDir>)> {
    let dir = tempfile::tempdir().unwrap();
    let disk = Db::open(&dir.path().join("store.redb")).unwrap();
    vec![(Db::memory(), None), (disk, Some(dir))]
}

#[test]
fn put_get_delete() {
    for (db, _dir) in engines() {
        db.write(|tx| tx.put(&THINGS, b"a", &thing("a"))).unwrap();
        assert_eq!(
            db.read(|tx| tx.get(&THINGS, b"a")).unwrap(),
            Some(thing("a"))
        );
        assert_eq!(db.read(|tx| tx.get(&THINGS, b"b")).unwrap(), None);
        assert!(db.write(|tx| tx.delete(&THINGS, b"a")).unwrap());
        assert!(!db.write(|tx| tx.delete(&THINGS, b"a")).unwrap());
        assert_eq!(db.read(|tx| tx.get(&THINGS, b"a")).unwrap(), None);
    }
}

#[test]
fn failed_writes_leave_no_trace() {
    for (db, _dir) in engines() {
        db.write(|tx| tx.put(&THINGS, b"keep", &thing("old")))
            .unwrap();
        let result: Result<(), StoreError> = db.write(|tx| {
            tx.put(&THINGS, b"keep", &thing("new"))?;
            tx.put(&THINGS, b"extra", &thing("extra"))?;
            assert_eq!(
                tx.get(&THINGS, b"extra")?,
                Some(thing("extra")),
                "reads see own writes"
            );
            Err(StoreError::Engine("abort".into()))
        });
        assert!(result.is_err());
        assert_eq!(
            db.read(|tx| tx.get(&THINGS, b"keep")).unwrap(),
            Some(thing("old"))
        );
        assert_eq!(db.read(|tx| tx.get(&THINGS, b"extra")).unwrap(), None);
    }
}

#[test]
fn a_write_that_panics_leaves_no_trace_and_the_store_writes_on() {
    for (db, _dir) in engines() {
        db.write(|tx| tx.put(&THINGS, b"keep", &thing("old")))
            .unwrap();
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _: Result<(), StoreError> = db.write(|tx| {
                tx.put(&THINGS, b"keep", &thing("new"))?;
                tx.put(&THINGS, b"extra", &thing("extra"))?;
                panic!("a bug in a closure");
            });
        }));
        assert!(panicked.is_err());
        db.write(|tx| tx.put(&THINGS, b"after", &thing("after")))
            .unwrap();
        let all = db.read(|tx| tx.prefix(&THINGS, b"")).unwrap();
        let names: Vec<&str> = all.iter().map(|(_, t)| t.name.as_str()).collect();
        assert_eq!(names, ["after", "old"]);
    }
}

/// Runs `each(db, key, n)` for `n` in `0..count` on eight threads at once, keys `<thread>-<n>`.
fn on_eight_threads(db: &Db, count: usize, each: impl Fn(&Db, &str, usize) + Sync) {
    std::thread::scope(|s| {
        for t in 0..8 {
            let each = &each;
            s.spawn(move || {
                for n in 0..count {
                    each(db, &format!("{t}-{n}"), n);
                }
            });
        }
    });
}

#[test]
fn concurrent_writers_keep_only_what_succeeded() {
    for (db, _dir) in engines() {
        db.write(|tx| tx.put(&THINGS, b"shared", &thing("base")))
            .unwrap();
        on_eight_threads(&db, 40, |db, key, n| {
            let fails = n % 3 == 0;
            let result = db.write(|tx| {
                tx.put(&THINGS, key.as_bytes(), &thing(key))?;
                if fails {
                    // Replaces and removes what others read, then fails.
                    tx.put(&THINGS, b"shared", &thing(key))?;
                    tx.delete(&THINGS, b"shared")?;
                    return Err(StoreError::Engine("abort".into()));
                }
                Ok(())
            });
            assert_eq!(result.is_err(), fails);
            let seen = db.read(|tx| tx.get(&THINGS, key.as_bytes())).unwrap();
            assert_eq!(seen.is_some(), !fails, "{key}: read after write");
        });
        let all = db.read(|tx| tx.prefix(&THINGS, b"")).unwrap();
        assert_eq!(all.len(), 8 * 26 + 1);
        assert_eq!(
            db.read(|tx| tx.get(&THINGS, b"shared")).unwrap(),
            Some(thing("base"))
        );
    }
}

/// Reads `a` and `b`'s sizes and every `moved-*` record in one snapshot.
fn balances(db: &Db) -> (u32, u32, usize) {
    db.read(|tx| {
        let size = |key: &[u8]| Ok::<_, StoreError>(tx.get(&THINGS, key)?.map_or(0, |t| t.size));
        let moved = tx.prefix(&THINGS, b"moved-")?.len();
        Ok((size(b"a")?, size(b"b")?, moved))
    })
    .unwrap()
}

#[test]
fn readers_see_consistent_snapshots_while_changes_reach_the_disk() {
    const TOTAL: u32 = 1_000_000;
    for (db, _dir) in engines() {
        db.write(|tx| {
            tx.put(
                &THINGS,
                b"a",
                &Thing {
                    name: "a".into(),
                    size: TOTAL,
                },
            )?;
            tx.put(
                &THINGS,
                b"b",
                &Thing {
                    name: "b".into(),
                    size: 0,
                },
            )
        })
        .unwrap();
        let moves = std::sync::atomic::AtomicUsize::new(0);
        let deadline = std::time::Instant::now() + crate::redb_engine::FLUSH_EVERY * 3;
        std::thread::scope(|s| {
            // One writer moves a unit from `a` to `b` and records the move: the disk engine
            // applies its changes to redb several times meanwhile.
            s.spawn(|| {
                while std::time::Instant::now() < deadline {
                    let n = moves.load(std::sync::atomic::Ordering::SeqCst);
                    db.write_relaxed(|tx| {
                        let mut a = tx.get(&THINGS, b"a")?.unwrap();
                        let mut b = tx.get(&THINGS, b"b")?.unwrap();
                        a.size -= 1;
                        b.size += 1;
                        tx.put(&THINGS, b"a", &a)?;
                        tx.put(&THINGS, b"b", &b)?;
                        tx.put(&THINGS, format!("moved-{n:06}").as_bytes(), &thing("m"))
                    })
                    .unwrap();
                    moves.store(n + 1, std::sync::atomic::Ordering::SeqCst);
                }
            });
            for _ in 0..2 {
                s.spawn(|| {
                    let mut last = 0;
                    while std::time::Instant::now() < deadline {
                        let (a, b, moved) = balances(&db);
                        assert_eq!(a + b, TOTAL, "one snapshot");
                        assert_eq!(b as usize, moved, "one snapshot");
                        assert!(moved >= last, "a later snapshot never goes back");
                        last = moved;
                    }
                });
            }
        });
        let moved = moves.into_inner();
        assert!(moved > 0);
        let units = u32::try_from(moved).unwrap();
        assert_eq!(balances(&db), (TOTAL - units, units, moved));
    }
}

#[test]
fn ranges_in_both_directions() {
    for (db, _dir) in engines() {
        db.write(|tx| {
            for k in ["a/1", "a/2", "a/3", "b/1"] {
                tx.put(&THINGS, k.as_bytes(), &thing(k))?;
            }
            Ok(())
        })
        .unwrap();
        let names =
            |v: Vec<(Vec<u8>, Thing)>| v.into_iter().map(|(_, t)| t.name).collect::<Vec<_>>();
        assert_eq!(
            names(db.read(|tx| tx.prefix(&THINGS, b"a/")).unwrap()),
            ["a/1", "a/2", "a/3"]
        );
        assert_eq!(
            names(
                db.read(|tx| tx.range(&THINGS, b"a/", b"a0", true, 2))
                    .unwrap()
            ),
            ["a/3", "a/2"]
        );
        assert_eq!(
            names(
                db.read(|tx| tx.range(&THINGS, b"a/2", b"", false, 10))
                    .unwrap()
            ),
            ["a/2", "a/3", "b/1"]
        );
        assert!(
            db.read(|tx| tx.range(&THINGS, b"z", b"a", false, 10))
                .unwrap()
                .is_empty()
        );
        assert!(
            db.read(|tx| tx.prefix(&Table::<Thing>::new("none", 1), b""))
                .unwrap()
                .is_empty()
        );
    }
}

#[test]
fn records_carry_their_format_version() {
    for (db, _dir) in engines() {
        db.write(|tx| tx.put(&THINGS, b"new", &thing("new")))
            .unwrap();
        let err = db.read(|tx| tx.get(&OLD_THINGS, b"new")).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NewerFormat {
                    found: 2,
                    supported: 1,
                    ..
                }
            ),
            "{err}"
        );
        db.write(|tx| tx.put(&OLD_THINGS, b"old", &thing("old")))
            .unwrap();
        assert_eq!(
            db.read(|tx| tx.get(&THINGS, b"old")).unwrap(),
            Some(thing("old"))
        );
    }
}

#[test]
fn clear_empties_everything() {
    for (db, _dir) in engines() {
        db.write(|tx| tx.put(&THINGS, b"a", &thing("a"))).unwrap();
        db.clear().unwrap();
        assert_eq!(db.read(|tx| tx.get(&THINGS, b"a")).unwrap(), None);
        db.write(|tx| tx.put(&THINGS, b"b", &thing("b"))).unwrap();
        assert_eq!(
            db.read(|tx| tx.get(&THINGS, b"b")).unwrap(),
            Some(thing("b"))
        );
    }
}

#[test]
fn disk_store_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.redb");
    Db::open(&path)
        .unwrap()
        .write(|tx| tx.put(&THINGS, b"a", &thing("a")))
        .unwrap();
    let reopened = Db::open(&path).unwrap();
    assert_eq!(
        reopened.read(|tx| tx.get(&THINGS, b"a")).unwrap(),
        Some(thing("a"))
    );
}

#[test]
fn relaxed_writes_are_seen_at_once_and_kept_by_the_next_durable_commit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.redb");
    {
        let db = Db::open(&path).unwrap();
        db.write_relaxed(|tx| tx.put(&THINGS, b"relaxed", &thing("relaxed")))
            .unwrap();
        assert_eq!(
            db.read(|tx| tx.get(&THINGS, b"relaxed")).unwrap(),
            Some(thing("relaxed"))
        );
        // A failed relaxed write leaves no trace either.
        let failed: crate::Result<()> = db.write_relaxed(|tx| {
            tx.put(&THINGS, b"failed", &thing("failed"))?;
            Err(StoreError::Engine("refused".into()))
        });
        assert!(failed.is_err());
        db.write(|tx| tx.put(&THINGS, b"durable", &thing("durable")))
            .unwrap();
    }
    let reopened = Db::open(&path).unwrap();
    for (key, expected) in [
        (&b"relaxed"[..], Some(thing("relaxed"))),
        (b"durable", Some(thing("durable"))),
        (b"failed", None),
    ] {
        assert_eq!(reopened.read(|tx| tx.get(&THINGS, key)).unwrap(), expected);
    }
}

#[test]
fn concurrent_durable_writes_share_flushes_and_all_persist() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.redb");
    {
        let db = Db::open(&path).unwrap();
        on_eight_threads(&db, 25, |db, key, _| {
            db.write(|tx| tx.put(&THINGS, key.as_bytes(), &thing(key)))
                .unwrap();
        });
    }
    let reopened = Db::open(&path).unwrap();
    let all = reopened.read(|tx| tx.prefix(&THINGS, b"")).unwrap();
    assert_eq!(all.len(), 200);
}

/// Polls `future` to its end on this thread.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl std::task::Wake for Unpark {
        fn wake(self: std::sync::Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = std::task::Waker::from(std::sync::Arc::new(Unpark(std::thread::current())));
    let mut cx = std::task::Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(out) => return out,
            std::task::Poll::Pending => std::thread::park(),
        }
    }
}

#[test]
fn deferred_durable_writes_are_seen_at_once_and_awaited_by_their_scope() {
    for (db, dir) in engines() {
        let (wrote, durable) = crate::deferring_durability(|| {
            db.write(|tx| tx.put(&THINGS, b"outer", &thing("outer")))
                .unwrap();
            let (_, inner) = crate::deferring_durability(|| {
                db.write(|tx| tx.put(&THINGS, b"inner", &thing("inner")))
                    .unwrap();
            });
            assert_eq!(
                inner.is_empty(),
                dir.is_none(),
                "the inner scope's own write"
            );
            block_on(inner).unwrap();
            db.read(|tx| tx.get(&THINGS, b"outer")).unwrap()
        });
        assert_eq!(wrote, Some(thing("outer")), "seen before it is durable");
        assert_eq!(
            durable.is_empty(),
            dir.is_none(),
            "the memory engine has no disk"
        );
        block_on(durable).unwrap();
        // Outside a scope, nothing is deferred.
        let (_, none) = crate::deferring_durability(|| ());
        assert!(none.is_empty());
        let panicked = std::panic::catch_unwind(|| {
            crate::deferring_durability(|| panic!("in the scope"));
        });
        assert!(panicked.is_err());
        let (_, after) = crate::deferring_durability(|| ());
        assert!(after.is_empty(), "a panic leaves no scope behind");
    }
}

/// Set in the child process of [`durable_writes_survive_a_crash`]: the directory it writes in.
const CRASH_DIR: &str = "NEARGATE_STORE_CRASH_DIR";

#[test]
fn durable_writes_survive_a_crash() {
    if let Some(dir) = std::env::var_os(CRASH_DIR) {
        // The child: enough large writes and deletes for the log to be checkpointed and
        // started over, then durable and relaxed writes, a delete, and death without closing.
        let db = Db::open(&std::path::Path::new(&dir).join("store.redb")).unwrap();
        for i in 0..50u32 {
            let key = format!("big{i}");
            db.write(|tx| tx.put(&THINGS, key.as_bytes(), &thing(&"x".repeat(40_000))))
                .unwrap();
            db.write(|tx| tx.delete(&THINGS, key.as_bytes())).unwrap();
        }
        // Long enough for the changes so far to be applied to redb and the log to go on in
        // its other file.
        std::thread::sleep(crate::redb_engine::FLUSH_EVERY * 3);
        for i in 0..200u32 {
            let key = format!("k{i:03}");
            db.write(|tx| tx.put(&THINGS, key.as_bytes(), &thing(&key)))
                .unwrap();
        }
        db.write(|tx| tx.delete(&THINGS, b"k007")).unwrap();
        let ((), durable) = crate::deferring_durability(|| {
            db.write(|tx| tx.put(&THINGS, b"deferred", &thing("deferred")))
                .unwrap();
        });
        block_on(durable).unwrap();
        db.write_relaxed(|tx| tx.put(&THINGS, b"relaxed", &thing("relaxed")))
            .unwrap();
        db.write(|tx| tx.put(&THINGS, b"last", &thing("last")))
            .unwrap();
        std::process::abort();
    }
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "tests::durable_writes_survive_a_crash",
            "--nocapture",
        ])
        .env(CRASH_DIR, dir.path())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "the child aborts");
    let logged = ["store.redb.wal", "store.redb.wal.1"].map(|name| {
        let log = std::fs::read(dir.path().join(name)).unwrap();
        log.iter().take(4096).any(|b| *b != 0)
    });
    assert_eq!(logged, [true, true], "both files of the log were written");
    for _ in 0..2 {
        // Opening twice: the replay is checkpointed, and a second open changes nothing.
        let db = Db::open(&dir.path().join("store.redb")).unwrap();
        let all = db
            .read(|tx| tx.range(&THINGS, b"", &[0xff], false, usize::MAX))
            .unwrap();
        let names: Vec<&str> = all.iter().map(|(_, t)| t.name.as_str()).collect();
        assert_eq!(names.len(), 202, "{names:?}");
        assert!(!names.contains(&"k007"));
        for name in ["last", "relaxed", "deferred"] {
            assert!(names.contains(&name), "{name}");
        }
        drop(db);
    }
}

#[test]
fn cached_records_are_read_once_and_again_after_their_table_changes() {
    use std::cell::Cell;
    use std::sync::Arc;

    use crate::RecordCache;

    const OTHERS: Table<Thing> = Table::new("others", 1);
    for (db, _dir) in engines() {
        let cache = RecordCache::new(&THINGS);
        let loads = Cell::new(0);
        let cached = |key: &[u8]| {
            db.cached(&cache, key, |tx| {
                loads.set(loads.get() + 1);
                tx.get(&THINGS, key)
            })
            .unwrap()
        };
        assert_eq!(cached(b"a"), None);
        assert_eq!(cached(b"a"), None);
        assert_eq!(loads.get(), 1, "an absent record is kept too");
        db.write(|tx| tx.put(&THINGS, b"a", &thing("a"))).unwrap();
        let first = cached(b"a").unwrap();
        assert_eq!(*first, thing("a"));
        assert!(Arc::ptr_eq(&first, &cached(b"a").unwrap()));
        assert_eq!(loads.get(), 2);
        // A failed write changes nothing, but may be counted: the record is still right.
        let _ = db.write(|tx| {
            tx.put(&THINGS, b"a", &thing("never"))?;
            Err::<(), _>(StoreError::Engine("refused".into()))
        });
        assert_eq!(*cached(b"a").unwrap(), thing("a"));
        db.write(|tx| tx.put(&THINGS, b"b", &thing("b"))).unwrap();
        assert_eq!(*cached(b"a").unwrap(), thing("a"));
        db.write(|tx| tx.put(&THINGS, b"a", &thing("A"))).unwrap();
        assert_eq!(*cached(b"a").unwrap(), thing("A"));
        db.write(|tx| tx.delete(&THINGS, b"a")).unwrap();
        assert_eq!(cached(b"a"), None);
        db.write(|tx| tx.put(&THINGS, b"a", &thing("again")))
            .unwrap();
        let again = cached(b"a").unwrap();
        let loaded = loads.get();
        // Another table's writes leave it alone (unless the two share a counter).
        db.write(|tx| tx.put(&OTHERS, b"a", &thing("other")))
            .unwrap();
        assert_eq!(*cached(b"a").unwrap(), *again);
        assert!(loads.get() <= loaded + 1);
        db.clear().unwrap();
        assert_eq!(cached(b"a"), None);
    }
}
