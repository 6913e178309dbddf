//! Weight tables on huge pages.
//!
//! The tagger and the parser read weights at scattered places in tables of several
//! megabytes, a hundred or more lookups per word. With 4 KiB pages most of those lookups also
//! miss the TLB, and the page walks cost about as much as the cache misses. A [`Table`] is a
//! fixed-length array whose memory, on Linux, is advised as `MADV_HUGEPAGE` before it is first
//! written, so the kernel backs it with 2 MiB pages wherever transparent huge pages are
//! enabled ("always" or "madvise", the usual default). The table starts at a 2 MiB boundary
//! inside a slightly larger vector, so all of it lies on huge pages. Elsewhere, when the
//! advice is refused, or for tables under 2 MiB, it is a plain vector.

use std::fmt;
use std::ops::Deref;

/// The size of a huge page on x86_64 and most aarch64 kernels.
const HUGE: usize = 2 << 20;

/// A fixed-length array of weights, read through `Deref<Target = [T]>`.
pub(crate) struct Table<T> {
    buf: Vec<T>,
    start: usize,
}

impl<T: Copy + Default> Table<T> {
    /// A table of `len` default values.
    pub fn filled(len: usize) -> Table<T> {
        let (mut buf, start) = advised::<T>(len);
        buf.resize(start + len, T::default());
        Table { buf, start }
    }

    /// A table holding `items`, built in place.
    pub fn collect(len_hint: usize, items: impl IntoIterator<Item = T>) -> Table<T> {
        let (mut buf, start) = advised::<T>(len_hint);
        buf.resize(start, T::default());
        buf.extend(items);
        Table { buf, start }
    }

    pub fn as_mut_slice(&mut self) -> &mut [T] {
        &mut self.buf[self.start..]
    }
}

/// An empty vector with room for `len` values after a padding of `start` values, where
/// `start` puts the values on a huge-page boundary and the huge pages they cover are advised.
/// The padding and the unused end are never written, so they cost address space, not memory.
fn advised<T>(len: usize) -> (Vec<T>, usize) {
    let size = size_of::<T>().max(1);
    let bytes = len.saturating_mul(size);
    if bytes < HUGE || !cfg!(target_os = "linux") || !HUGE.is_multiple_of(size) {
        return (Vec::with_capacity(len), 0);
    }
    let advised = bytes.next_multiple_of(HUGE);
    let buf: Vec<T> = Vec::with_capacity((advised + HUGE) / size);
    let at = buf.as_ptr() as usize;
    let first = at.next_multiple_of(HUGE);
    if !(first - at).is_multiple_of(size) {
        return (buf, 0);
    }
    advise(first, advised);
    (buf, (first - at) / size)
}

#[cfg(target_os = "linux")]
fn advise(at: usize, bytes: usize) {
    // SAFETY: the range is aligned to a huge page and lies inside one live allocation of
    // ours that nothing has written yet; MADV_HUGEPAGE only changes how the kernel backs
    // those pages, never their contents, and if it fails the memory stays as it was.
    unsafe {
        libc::madvise(at as *mut libc::c_void, bytes, libc::MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_at: usize, _bytes: usize) {}

impl<T> Deref for Table<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.buf[self.start..]
    }
}

impl<T: Copy + Default> Clone for Table<T> {
    fn clone(&self) -> Table<T> {
        Table::collect(self.len(), self.iter().copied())
    }
}

impl<T: PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Table<T>) -> bool {
        **self == **other
    }
}

impl<T> fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Table({} values)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_what_they_are_given_at_any_size() {
        for len in [0usize, 3, 1 << 20, (3 << 20) + 7] {
            let t = Table::collect(len, (0..len).map(|i| i as u32));
            assert_eq!(t.len(), len);
            assert!(t.iter().enumerate().all(|(i, &v)| v == i as u32));
            assert_eq!(t.clone(), t);
            let z: Table<i16> = Table::filled(len);
            assert_eq!(z.len(), len);
            assert!(z.iter().all(|&v| v == 0));
        }
    }

    #[test]
    fn large_tables_start_on_a_huge_page() {
        let t: Table<i16> = Table::filled(4 << 20);
        if cfg!(target_os = "linux") {
            assert_eq!(t.as_ptr() as usize % HUGE, 0);
        }
    }
}
