#include "iooi/util/in_order.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace iooi {
namespace {

// What the threads share: the pieces made and not yet consumed, and how far each side got.
class Pieces {
 public:
  Pieces(size_t count, size_t window) : count_(count), slots_(window) {}

  // The next index to produce, or nothing when all are claimed, the window is full
  // or the work failed. `wait`: blocks until one can be claimed or none ever will.
  std::optional<size_t> claim(std::unique_lock<std::mutex>& lock, bool wait) {
    if (wait) changed_.wait(lock, [&] { return failed_ || next_ >= count_ || claimable(); });
    if (failed_ || next_ >= count_ || !claimable()) return std::nullopt;
    return next_++;
  }
  void store(size_t index, std::string text) {
    slots_[index % slots_.size()] = std::move(text);
    changed_.notify_all();
  }
  void fail(std::exception_ptr error) {
    if (!error_) error_ = std::move(error);
    failed_ = true;
    changed_.notify_all();
  }
  bool failed() const { return failed_; }
  std::exception_ptr error() const { return error_; }
  bool done() const { return consumed_ >= count_; }
  // The piece consume() waits for, when it is made; the window moves on past it.
  std::optional<std::string> take_next() {
    std::optional<std::string>& slot = slots_[consumed_ % slots_.size()];
    if (!slot) return std::nullopt;
    std::optional<std::string> text = std::exchange(slot, std::nullopt);
    ++consumed_;
    changed_.notify_all();
    return text;
  }
  void wait(std::unique_lock<std::mutex>& lock) { changed_.wait(lock); }
  std::mutex& mutex() { return mutex_; }

 private:
  bool claimable() const { return next_ < consumed_ + slots_.size(); }

  const size_t count_;
  std::vector<std::optional<std::string>> slots_;  // index i in slot i % window
  size_t next_ = 0;                                // the next index to claim
  size_t consumed_ = 0;                            // handed to consume() so far
  bool failed_ = false;
  std::exception_ptr error_;
  std::mutex mutex_;
  std::condition_variable changed_;
};

void work(Pieces& pieces, const std::function<std::string(size_t)>& produce) {
  std::unique_lock lock(pieces.mutex());
  while (const std::optional<size_t> index = pieces.claim(lock, true)) {
    lock.unlock();
    std::string text;
    try {
      text = produce(*index);
    } catch (...) {
      lock.lock();
      pieces.fail(std::current_exception());
      return;
    }
    lock.lock();
    pieces.store(*index, std::move(text));
  }
}

}  // namespace

void produce_in_order(size_t count, unsigned threads, size_t window,
                      const std::function<std::string(size_t)>& produce,
                      const std::function<void(std::string&)>& consume) {
  threads = static_cast<unsigned>(std::min<size_t>(std::max(threads, 1u), count));
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) {
      std::string text = produce(i);
      consume(text);
    }
    return;
  }
  Pieces pieces(count, std::max<size_t>(window, threads));
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back([&] { work(pieces, produce); });
  {
    std::unique_lock lock(pieces.mutex());
    while (!pieces.done() && !pieces.failed()) {
      if (std::optional<std::string> text = pieces.take_next()) {
        lock.unlock();
        try {
          consume(*text);
        } catch (...) {
          lock.lock();
          pieces.fail(std::current_exception());
          break;
        }
        lock.lock();
      } else if (const std::optional<size_t> index = pieces.claim(lock, false)) {
        // Nothing to consume yet: this thread makes a piece too.
        lock.unlock();
        try {
          std::string made = produce(*index);
          lock.lock();
          pieces.store(*index, std::move(made));
        } catch (...) {
          if (!lock.owns_lock()) lock.lock();
          pieces.fail(std::current_exception());
        }
      } else {
        pieces.wait(lock);
      }
    }
  }
  for (std::thread& worker : workers) worker.join();
  if (pieces.error()) std::rethrow_exception(pieces.error());
}

}  // namespace iooi
