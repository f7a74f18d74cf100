#pragma once
// Work that is done in parallel but written out in order: the pieces of a report.
#include <cstddef>
#include <functional>
#include <string>

namespace iooi {

// Calls produce(0) ... produce(count - 1) on up to `threads` threads (the calling
// thread among them) and hands each result to consume() on the calling thread, in
// index order. At most `window` results (at least one per thread) are made ahead of
// the one consume() waits for, so memory stays bounded however many pieces there are. An exception
// from produce() or consume() stops the work and is rethrown here once every thread ended.
void produce_in_order(size_t count, unsigned threads, size_t window,
                      const std::function<std::string(size_t)>& produce,
                      const std::function<void(std::string&)>& consume);

}  // namespace iooi
