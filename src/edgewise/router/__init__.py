"""Routing: grade each request into a tier (1 tiny local, 2 local main, 3 cloud).

The grader lives in edgewise.router.grader; it is imported lazily by callers
so that `import edgewise.router` stays cheap.
"""
