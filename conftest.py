"pytest setup for running the notebooks under nbval."
import os

# pytest-xdist runs one notebook per worker, each in its own kernel. Every kernel's torch would otherwise start one
# thread per core, and on a small machine their threads fight over the same cores and the suite runs many times
# slower. Share the cores out instead; the kernels inherit this environment.
if os.environ.get('PYTEST_XDIST_WORKER_COUNT') and 'OMP_NUM_THREADS' not in os.environ:
    os.environ['OMP_NUM_THREADS'] = str(max(1, (os.cpu_count() or 1) // int(os.environ['PYTEST_XDIST_WORKER_COUNT'])))

def pytest_collection_modifyitems(items):
    """Treat the outputs stored in nbdev-cleaned notebooks as nbval's reference outputs.

    `nbdev-clean` sets every `execution_count` to None. nbval reads None as "this cell never ran", and then fails any
    cell that has stored outputs ("Unrun reference cell has outputs") and compares nothing. A cleaned notebook's outputs
    did come from a run, so give each code cell its position as its execution count; nbval then checks them."""
    for i, item in enumerate(items, 1):
        cell = getattr(item, 'cell', None)
        if type(item).__name__ == 'IPyNbCell' and cell is not None and cell.get('execution_count') is None:
            cell['execution_count'] = i
