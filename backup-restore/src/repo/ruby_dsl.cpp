#include "proofbox/backup/repo/ruby_dsl.hpp"

#include <mruby.h>
#include <mruby/array.h>
#include <mruby/compile.h>
#include <mruby/dump.h>
#include <mruby/error.h>
#include <mruby/hash.h>
#include <mruby/irep.h>
#include <mruby/proc.h>
#include <mruby/string.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "proofbox/backup/repo/json_file.hpp"
#include "proofbox/backup/repo/repo_error.hpp"
#include "repo/ruby_dsl_prelude.hpp"

// mruby reports errors with longjmp inside its own calls; every call below returns normally
// with mrb->exc set instead, and C++ exceptions are only thrown from C++ frames.
namespace proofbox::backup::repo {
namespace {

// One interpreter per file: files cannot see each other's definitions, and a fresh state
// costs well under a millisecond.
class Interpreter {
 public:
  Interpreter() : mrb_(mrb_open()) {
    if (mrb_ == nullptr) throw std::runtime_error("mruby: out of memory");
  }
  ~Interpreter() { mrb_close(mrb_); }
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  mrb_state* get() const { return mrb_; }

 private:
  mrb_state* mrb_;
};

// Parses only, to report a syntax error with its line before anything runs.
void check_syntax(mrb_state* mrb, const std::filesystem::path& file, const std::string& source) {
  const std::string name = file.string();
  mrbc_context* cxt = mrbc_context_new(mrb);
  mrbc_filename(mrb, cxt, name.c_str());
  cxt->capture_errors = TRUE;
  cxt->no_exec = TRUE;
  mrb_parser_state* parser = mrb_parse_nstring(mrb, source.data(), source.size(), cxt);
  int line = 0;
  std::string message;
  if (parser == nullptr) {
    message = "cannot be parsed";
  } else if (parser->nerr > 0) {
    line = parser->error_buffer[0].lineno;
    message = std::string("syntax error: ") +
              (parser->error_buffer[0].message ? parser->error_buffer[0].message : "");
  }
  if (parser != nullptr) mrb_parser_free(parser);
  mrbc_context_free(mrb, cxt);
  if (!message.empty()) throw RepoError(file, line, message);
}

std::string ruby_string(mrb_value value) {
  if (!mrb_string_p(value)) return {};
  return std::string(RSTRING_PTR(value), static_cast<std::size_t>(RSTRING_LEN(value)));
}

// The line of the first backtrace frame in `file` (frames of the DSL prelude come first when
// a DSL method raised).
int line_in_file(mrb_state* mrb, mrb_value exc, const std::string& file) {
  mrb_value trace = mrb_exc_backtrace(mrb, exc);
  if (!mrb_array_p(trace)) return 0;
  const std::string prefix = file + ":";
  for (mrb_int i = 0; i < RARRAY_LEN(trace); ++i) {
    const std::string frame = ruby_string(mrb_ary_ref(mrb, trace, i));
    if (frame.rfind(prefix, 0) != 0) continue;
    int line = 0;
    for (std::size_t at = prefix.size(); at < frame.size() && frame[at] >= '0' && frame[at] <= '9';
         ++at) {
      line = line * 10 + (frame[at] - '0');
    }
    return line;
  }
  return 0;
}

[[noreturn]] void raise_ruby_exception(mrb_state* mrb, const std::filesystem::path& file) {
  mrb_value exc = mrb_obj_value(mrb->exc);
  mrb->exc = nullptr;
  const int line = line_in_file(mrb, exc, file.string());
  std::string message = ruby_string(mrb_funcall(mrb, exc, "message", 0));
  mrb->exc = nullptr;
  throw RepoError(file, line, std::string(mrb_obj_classname(mrb, exc)) + ": " + message);
}

Json to_json(mrb_state* mrb, mrb_value value, const std::filesystem::path& file, int depth);

std::string key_string(mrb_state* mrb, mrb_value key, const std::filesystem::path& file) {
  if (mrb_string_p(key)) return ruby_string(key);
  if (mrb_symbol_p(key)) {
    mrb_int length = 0;
    const char* name = mrb_sym_name_len(mrb, mrb_symbol(key), &length);
    return std::string(name, static_cast<std::size_t>(length));
  }
  if (mrb_integer_p(key)) return std::to_string(mrb_integer(key));
  throw RepoError(
      file, 0,
      std::string("hash key of class ") + mrb_obj_classname(mrb, key) + " has no JSON form");
}

Json to_json(mrb_state* mrb, mrb_value value, const std::filesystem::path& file, int depth) {
  if (depth > 100) throw RepoError(file, 0, "value nested too deeply (a cycle?)");
  if (mrb_nil_p(value)) return nullptr;
  if (mrb_true_p(value)) return true;
  if (mrb_false_p(value)) return false;
  if (mrb_integer_p(value)) return static_cast<std::int64_t>(mrb_integer(value));
  if (mrb_float_p(value)) {
    const double number = mrb_float(value);
    if (!std::isfinite(number)) throw RepoError(file, 0, "a non-finite number has no JSON form");
    return number;
  }
  if (mrb_string_p(value) || mrb_symbol_p(value)) return key_string(mrb, value, file);
  const int arena = mrb_gc_arena_save(mrb);
  Json out;
  if (mrb_array_p(value)) {
    out = Json::array();
    for (mrb_int i = 0; i < RARRAY_LEN(value); ++i) {
      out.push_back(to_json(mrb, mrb_ary_ref(mrb, value, i), file, depth + 1));
    }
  } else if (mrb_hash_p(value)) {
    out = Json::object();
    mrb_value keys = mrb_hash_keys(mrb, value);
    for (mrb_int i = 0; i < RARRAY_LEN(keys); ++i) {
      mrb_value key = mrb_ary_ref(mrb, keys, i);
      out[key_string(mrb, key, file)] =
          to_json(mrb, mrb_hash_get(mrb, value, key), file, depth + 1);
    }
  } else {
    throw RepoError(
        file, 0,
        std::string("a value of class ") + mrb_obj_classname(mrb, value) + " has no JSON form");
  }
  mrb_gc_arena_restore(mrb, arena);
  return out;
}

const char* dsl_class(DslKind kind) {
  switch (kind) {
    case DslKind::metadata:
      return "Metadata";
    case DslKind::role:
      return "Role";
    case DslKind::environment:
      return "Environment";
    case DslKind::node:
      return "Node";
  }
  return "Metadata";
}

// The prelude compiled once per process to bytecode (with debug info, so its frames keep
// their file name in backtraces): loading bytecode into each fresh interpreter is several
// times cheaper than parsing the source again.
const std::vector<std::uint8_t>& prelude_bytecode() {
  static const std::vector<std::uint8_t> bytecode = [] {
    Interpreter interpreter;
    mrb_state* mrb = interpreter.get();
    mrbc_context* cxt = mrbc_context_new(mrb);
    mrbc_filename(mrb, cxt, kRubyDslPreludeName);
    cxt->no_exec = TRUE;  // compile only: the result is the top-level proc
    mrb_value proc = mrb_load_string_cxt(mrb, kRubyDslPrelude, cxt);
    mrbc_context_free(mrb, cxt);
    if (mrb->exc != nullptr || !mrb_proc_p(proc)) {
      throw std::logic_error("Ruby DSL prelude does not compile");
    }
    std::uint8_t* bin = nullptr;
    std::size_t size = 0;
    if (mrb_dump_irep(mrb, mrb_proc_ptr(proc)->body.irep, MRB_DUMP_DEBUG_INFO, &bin, &size) !=
        MRB_DUMP_OK) {
      throw std::logic_error("Ruby DSL prelude cannot be dumped");
    }
    std::vector<std::uint8_t> out(bin, bin + size);
    mrb_free(mrb, bin);
    return out;
  }();
  return bytecode;
}

void load_prelude(mrb_state* mrb) {
  const auto& bytecode = prelude_bytecode();
  mrb_load_irep_buf(mrb, bytecode.data(), bytecode.size());
  if (mrb->exc != nullptr) {
    mrb_value exc = mrb_obj_value(mrb->exc);
    mrb->exc = nullptr;
    throw std::logic_error("Ruby DSL prelude failed to load: " +
                           ruby_string(mrb_funcall(mrb, exc, "inspect", 0)));
  }
}

}  // namespace

Json evaluate_ruby_dsl_text(const std::filesystem::path& file, const std::string& source,
                            DslKind kind) {
  Interpreter interpreter;
  mrb_state* mrb = interpreter.get();
  load_prelude(mrb);
  check_syntax(mrb, file, source);

  RClass* dsl_module = mrb_module_get(mrb, "ProofboxDsl");
  RClass* klass = mrb_class_get_under(mrb, dsl_module, dsl_class(kind));
  mrb_value dsl = mrb_obj_new(mrb, klass, 0, nullptr);
  if (mrb->exc != nullptr) raise_ruby_exception(mrb, file);

  const std::string name = file.string();
  mrb_value args[3] = {mrb_str_new(mrb, source.data(), source.size()),
                       mrb_str_new(mrb, name.data(), name.size()), mrb_int_value(mrb, 1)};
  mrb_funcall_argv(mrb, dsl, mrb_intern_lit(mrb, "instance_eval"), 3, args);
  if (mrb->exc != nullptr) raise_ruby_exception(mrb, file);

  mrb_value result = mrb_funcall(mrb, dsl, "__result", 0);
  if (mrb->exc != nullptr) raise_ruby_exception(mrb, file);
  return to_json(mrb, result, file, 0);
}

Json evaluate_ruby_dsl(const std::filesystem::path& file, DslKind kind) {
  return evaluate_ruby_dsl_text(file, read_file_bytes(file), kind);
}

}  // namespace proofbox::backup::repo
