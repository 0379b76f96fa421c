// A C library's handle owned by a unique_ptr the moment it is created
// (libgit2, ICU, cmark-gfm, textcat): Handle<git_tree, git_tree_free>.
#pragma once

#include <memory>

namespace accord {

// Frees a C handle with FREE; never throws.
template <auto Free>
struct CDeleter {
  template <class T>
  void operator()(T* p) const noexcept {
    Free(p);
  }
};

// A C handle owned by a unique_ptr, freed with FREE.
template <class T, auto Free>
using Handle = std::unique_ptr<T, CDeleter<Free>>;

}  // namespace accord
