// Fuzz target for the wire codec: any input must be decoded or rejected with a reason, never
// crash; an accepted frame must survive encode + decode unchanged.
#include "tests/fuzz/MessageRoundTrip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    pb::fuzz::decodeAndRoundTrip("fuzz_message_codec", data, size);
    return 0;
}
