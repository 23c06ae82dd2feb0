#include "load/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace claimkb::detail::yaml {

bool Node::IsNull() const { return tree_->nodes_[index_].type == Tree::Type::null; }
bool Node::IsScalar() const { return tree_->nodes_[index_].type == Tree::Type::scalar; }
bool Node::IsSequence() const { return tree_->nodes_[index_].type == Tree::Type::sequence; }
bool Node::IsMap() const { return tree_->nodes_[index_].type == Tree::Type::map; }
const std::string& Node::Scalar() const { return tree_->nodes_[index_].scalar; }
int Node::line() const { return tree_->nodes_[index_].line; }
int Node::column() const { return tree_->nodes_[index_].column; }

std::size_t Node::size() const {
  const Tree::Data& d = tree_->nodes_[index_];
  const std::size_t children = d.end - d.begin;
  return d.type == Tree::Type::map ? children / 2 : children;
}

Node Node::item(std::size_t i) const { return Node(tree_, tree_->children_[tree_->nodes_[index_].begin + i]); }
Node Node::key(std::size_t i) const { return Node(tree_, tree_->children_[tree_->nodes_[index_].begin + 2 * i]); }
Node Node::value(std::size_t i) const { return Node(tree_, tree_->children_[tree_->nodes_[index_].begin + 2 * i + 1]); }

// Turns yaml-cpp's parser events into a Tree's nodes. A container's children are
// collected on a stack shared by all open containers and moved into the tree's
// children array, contiguously, when the container ends.
class Builder : public YAML::EventHandler {
 public:
  explicit Builder(Tree& tree) : tree_(tree) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { add(make(Tree::Type::null, mark, anchor)); }
  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    // yaml-cpp's parser rejects an alias to an unknown anchor before it gets here.
    add(anchor < anchors_.size() ? anchors_[anchor] : make(Tree::Type::null, YAML::Mark(), 0));
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    const std::uint32_t n = make(Tree::Type::scalar, mark, anchor);
    tree_.nodes_[n].scalar = value;
    add(n);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Tree::Type::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Tree::Type::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  std::uint32_t make(Tree::Type type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    const auto n = static_cast<std::uint32_t>(tree_.nodes_.size());
    tree_.nodes_.push_back({type, mark.line, mark.column, 0, 0, {}});
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, 0);
      anchors_[anchor] = n;
    }
    return n;
  }
  void add(std::uint32_t n) {
    if (open_.empty()) {
      tree_.documents_.emplace_back(&tree_, n);
    } else {
      pending_.push_back(n);
    }
  }
  void open(Tree::Type type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    open_.push_back({make(type, mark, anchor), pending_.size()});
  }
  void close() {
    const Open o = open_.back();
    open_.pop_back();
    Tree::Data& d = tree_.nodes_[o.node];
    d.begin = static_cast<std::uint32_t>(tree_.children_.size());
    tree_.children_.insert(tree_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(o.first),
                           pending_.end());
    d.end = static_cast<std::uint32_t>(tree_.children_.size());
    pending_.resize(o.first);
    add(o.node);
  }

  struct Open {
    std::uint32_t node;
    std::size_t first;  // where its children start in pending_
  };
  Tree& tree_;
  std::vector<Open> open_;
  std::vector<std::uint32_t> pending_;
  std::vector<std::uint32_t> anchors_;  // by yaml-cpp's anchor number
};

Tree::Tree(std::string_view text) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  Builder builder(*this);
  while (parser.HandleNextDocument(builder)) {
  }
}

}  // namespace claimkb::detail::yaml
