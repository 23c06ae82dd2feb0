// A light, read-only tree of one YAML file's documents, built from yaml-cpp's parser
// events. Private to the library.
//
// yaml-cpp's own YAML::Node graph is general (mutable, reference-counted nodes) and
// costs more to build and to walk than parsing does; the decoder needs only to read
// each value once. This tree is a flat array of nodes with their marks, built in one
// pass over the events yaml-cpp's YAML::Parser emits, with the same shape and marks
// YAML::LoadAll would give: a null scalar (`~`, `null`, an empty value) is a null
// node, and an alias is the very node its anchor named.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimkb::detail::yaml {

class Tree;

// A node of a Tree; a cheap handle, valid while the Tree lives.
class Node {
 public:
  Node(const Tree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  bool IsNull() const;
  bool IsScalar() const;
  bool IsSequence() const;
  bool IsMap() const;
  const std::string& Scalar() const;  // empty unless IsScalar()
  // Items of a sequence or pairs of a mapping; 0 for anything else.
  std::size_t size() const;
  // Zero-based, as YAML::Mark.
  int line() const;
  int column() const;

  Node item(std::size_t i) const;   // a sequence's item i < size()
  Node key(std::size_t i) const;    // a mapping's key i < size()
  Node value(std::size_t i) const;  // and its value

  // Range-for over a sequence's items.
  class Iterator {
   public:
    Iterator(const Node& seq, std::size_t i) : seq_(seq), i_(i) {}
    Node operator*() const { return seq_.item(i_); }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const Iterator& o) const { return i_ != o.i_; }

   private:
    const Node& seq_;
    std::size_t i_;
  };
  Iterator begin() const { return Iterator(*this, 0); }
  Iterator end() const { return Iterator(*this, IsSequence() ? size() : 0); }

 private:
  const Tree* tree_;
  std::uint32_t index_;
};

class Tree {
 public:
  // Parses every document of `text`. Throws YAML::Exception (with its mark) for
  // invalid YAML, as YAML::LoadAll does.
  explicit Tree(std::string_view text);
  Tree(const Tree&) = delete;  // its Nodes point at it
  Tree& operator=(const Tree&) = delete;
  ~Tree() = default;

  const std::vector<Node>& documents() const { return documents_; }

 private:
  friend class Node;
  friend class Builder;
  enum class Type : std::uint8_t { null, scalar, sequence, map };
  struct Data {
    Type type = Type::null;
    int line = 0, column = 0;
    std::uint32_t begin = 0, end = 0;  // children_[begin, end): items, or key, value, key, ...
    std::string scalar;
  };
  std::vector<Data> nodes_;
  std::vector<std::uint32_t> children_;
  std::vector<Node> documents_;
};

}  // namespace claimkb::detail::yaml
