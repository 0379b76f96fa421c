// cmark-gfm's part of library_versions(): doc/ owns cmark-gfm.
#include <cmark-gfm.h>

#include <accord/versions.hpp>

namespace accord {

LibraryVersion cmark_gfm_version() { return {"cmark-gfm", cmark_version_string()}; }

}  // namespace accord
