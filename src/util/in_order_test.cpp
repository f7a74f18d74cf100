#include "iooi/util/in_order.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace iooi {
namespace {

// Pieces that take uneven times, so that they are made out of order.
std::string slow_piece(size_t index) {
  std::this_thread::sleep_for(std::chrono::microseconds((index * 7919) % 300));
  return std::to_string(index);
}

TEST_CASE("produce_in_order consumes every piece once, in order, for any threads and window") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    for (size_t window : {0u, 1u, 2u, 5u}) {
      for (size_t count : {0u, 1u, 2u, 3u, 40u}) {
        std::vector<std::string> consumed;
        produce_in_order(count, threads, window, slow_piece,
                         [&](std::string& text) { consumed.push_back(text); });
        REQUIRE(consumed.size() == count);
        for (size_t i = 0; i < count; ++i) CHECK(consumed[i] == std::to_string(i));
      }
    }
  }
}

TEST_CASE("produce_in_order keeps no more than the window ahead of what is consumed") {
  // (A window smaller than the threads would idle some of them: it grows to their number.)
  std::atomic<size_t> consumed{0};
  std::atomic<size_t> furthest_ahead{0};
  const size_t window = 3;
  produce_in_order(
      60, 2, window,
      [&](size_t index) {
        const size_t ahead = index - consumed.load();
        size_t seen = furthest_ahead.load();
        while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
        }
        return slow_piece(index);
      },
      [&](std::string&) { ++consumed; });
  CHECK(consumed == 60);
  // Piece consumed + window may be claimed while piece `consumed` is being handed over.
  CHECK(furthest_ahead.load() <= window);
}

TEST_CASE("produce_in_order rethrows a failure of produce or consume after the threads end") {
  for (unsigned threads : {1u, 2u, 4u}) {
    size_t consumed = 0;
    CHECK_THROWS_AS(produce_in_order(
                        50, threads, 4,
                        [](size_t index) {
                          if (index == 17) throw std::runtime_error("piece 17");
                          return slow_piece(index);
                        },
                        [&](std::string&) { ++consumed; }),
                    std::runtime_error);
    CHECK(consumed <= 17);
    CHECK_THROWS_AS(produce_in_order(50, threads, 4, slow_piece,
                                     [](std::string& text) {
                                       if (text == "9") throw std::logic_error("consumer");
                                     }),
                    std::logic_error);
  }
}

}  // namespace
}  // namespace iooi
