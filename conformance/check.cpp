// voip_conformance_check: the C++ runner of the conformance vectors. Reads
// conformance/vectors.json with nlohmann, recomputes each vector's answer with the library
// as this program was built (compiler, standard, optimisation) and compares it with the
// vector's "expect". Prints one line, `cpp: N passed, M failed`, after one line per failure
// (at most 20); exit 1 when any failed.
//   voip_conformance_check [conformance/vectors.json]
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

#include "eval.hpp"

int main(int argc, char** argv) {
    using namespace voip_conformance;
    const std::string path = argc > 1 ? argv[1] : "conformance/vectors.json";
    Json file;
    try {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("cannot open " + path);
        file = Json::parse(in);
    } catch (const std::exception& e) {
        std::cerr << "voip_conformance_check: " << e.what() << '\n';
        return 2;
    }
    int passed = 0, failed = 0;
    for (const Json& v : file.at("vectors")) {
        std::string got;
        try {
            const Json answer = evaluate(v);
            if (answer == v.at("expect")) {
                ++passed;
                continue;
            }
            got = answer.dump();
        } catch (const std::exception& e) {
            got = std::string("exception: ") + e.what();
        }
        if (++failed <= 20)
            std::cout << "FAIL " << v.at("id").get<std::string>() << ": want " << v.at("expect").dump() << ", got " << got << '\n';
    }
    if (passed + failed != file.at("count").get<int>()) {
        std::cout << "FAIL the file says count " << file.at("count") << " but holds " << passed + failed << " vectors\n";
        ++failed;
    }
    std::cout << "cpp: " << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}
