package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// Limits on the shape of ui's code, so that no function grows into a
// second onKey: a function fits on a screen, and a dispatcher routes to
// handlers rather than holding them.
const (
	maxFuncLines  = 60
	maxComplexity = 15
)

// TestFunctionShape fails on any function in ui's code (tests aside)
// longer than maxFuncLines lines or with a cyclomatic complexity over
// maxComplexity (gocyclo's count: 1, plus one per if, for, case and
// && or ||).
func TestFunctionShape(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			checked++
			lines := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line + 1
			if lines > maxFuncLines {
				t.Errorf("%s: %s is %d lines (at most %d)", fset.Position(fn.Pos()), fn.Name.Name, lines, maxFuncLines)
			}
			if c := complexity(fn); c > maxComplexity {
				t.Errorf("%s: %s has cyclomatic complexity %d (at most %d)", fset.Position(fn.Pos()), fn.Name.Name, c, maxComplexity)
			}
		}
	}
	if checked < 100 {
		t.Fatalf("checked only %d functions: is the test in ui's folder?", checked)
	}
}

// complexity is gocyclo's cyclomatic complexity of fn, function literals
// inside it included.
func complexity(fn *ast.FuncDecl) int {
	c := 1
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			c++
		case *ast.CaseClause:
			if n.List != nil {
				c++
			}
		case *ast.CommClause:
			if n.Comm != nil {
				c++
			}
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				c++
			}
		}
		return true
	})
	return c
}

// The measure itself, on functions of known shape.
func TestComplexity(t *testing.T) {
	for src, want := range map[string]int{
		"func f() {}": 1,
		"func f(a, b bool) { if a && b { return } }":                            3,
		"func f(x int) { switch x { case 1: case 2, 3: default: } }":            3,
		"func f(xs []int) { for range xs { if len(xs) > 1 || xs == nil { } } }": 4,
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package p\n"+src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := complexity(f.Decls[0].(*ast.FuncDecl)); got != want {
			t.Errorf("complexity(%s) = %d, want %d", src, got, want)
		}
	}
}
