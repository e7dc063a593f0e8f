"pytest setup for running the notebooks under nbval."

def pytest_collection_modifyitems(items):
    """Treat the outputs stored in nbdev-cleaned notebooks as nbval's reference outputs.

    `nbdev-clean` sets every `execution_count` to None. nbval reads None as "this cell never ran", and then fails any
    cell that has stored outputs ("Unrun reference cell has outputs") and compares nothing. A cleaned notebook's outputs
    did come from a run, so give each code cell its position as its execution count; nbval then checks them."""
    for i, item in enumerate(items, 1):
        cell = getattr(item, 'cell', None)
        if type(item).__name__ == 'IPyNbCell' and cell is not None and cell.get('execution_count') is None:
            cell['execution_count'] = i
