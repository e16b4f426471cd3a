// The HTTP stack's limit: cpp-httplib answering a fixed body with the sandbox's settings
// (server/serve.cpp), for scripts/bench-sandbox.sh. Usage: hello PORT THREADS
#include <cstdlib>
#include <string>

#include <httplib.h>

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    httplib::Server server;
    const auto threads = static_cast<std::size_t>(std::atoi(argv[2]));
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1000000);
    server.Get(".*", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"result":{},"status_code":200,"status_message":"OK"})", "application/json");
    });
    return server.listen("127.0.0.1", std::atoi(argv[1])) ? 0 : 1;
}
