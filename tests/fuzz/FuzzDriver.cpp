// main() for libFuzzer entry points when libFuzzer is not available (any compiler, CI):
// runs LLVMFuzzerTestOneInput over a seed corpus, then over a fixed number of deterministic
// mutations of it. A finding aborts, as under libFuzzer, so ctest reports it as a failure.
//
//   fuzz_<target> [--mutations N] [--seed S] <corpus directory or file>...
#include "tests/fuzz/FrameMutator.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Files of each directory (sorted, so runs repeat exactly) or the file itself.
bool loadCorpus(const fs::path& path, std::vector<std::string>* inputs)
{
    std::error_code error;
    if (fs::is_regular_file(path, error)) {
        inputs->push_back(readFile(path));
        return true;
    }
    if (!fs::is_directory(path, error))
        return false;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(path, error))
        if (entry.is_regular_file())
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
        inputs->push_back(readFile(file));
    return true;
}

int run(const std::string& input)
{
    // An exact-size heap copy, so reads past the end are caught by ASan like under libFuzzer.
    std::vector<uint8_t> copy(input.begin(), input.end());
    return LLVMFuzzerTestOneInput(copy.data(), copy.size());
}

int usage(const char* program)
{
    std::fprintf(stderr, "usage: %s [--mutations N] [--seed S] <corpus directory or file>...\n", program);
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    unsigned long long mutations = 10000;
    unsigned long long seed = 1;
    std::vector<std::string> corpus;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (std::strcmp(argv[i], "--mutations") == 0 && hasValue) {
            mutations = std::strtoull(argv[++i], nullptr, 10);
        } else if (std::strcmp(argv[i], "--seed") == 0 && hasValue) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (argv[i][0] == '-') {
            return usage(argv[0]);
        } else if (!loadCorpus(argv[i], &corpus)) {
            std::fprintf(stderr, "%s: no such corpus: %s\n", argv[0], argv[i]);
            return 2;
        }
    }
    if (corpus.empty())
        return usage(argv[0]);

    for (const std::string& input : corpus)
        run(input);
    pb::fuzz::FrameMutator mutator(seed);
    for (unsigned long long i = 0; i < mutations; ++i) {
        const std::string& base = corpus[mutator.below(corpus.size())];
        const std::string& other = corpus[mutator.below(corpus.size())];
        run(mutator.mutate(base, other));
    }
    std::printf("%zu corpus inputs and %llu mutations (seed %llu) ran without a finding\n", corpus.size(), mutations,
                seed);
    return 0;
}
