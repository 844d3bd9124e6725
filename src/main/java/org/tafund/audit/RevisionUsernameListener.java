package org.tafund.audit;

import org.hibernate.envers.RevisionListener;

class RevisionUsernameListener implements RevisionListener {

	@Override
	public void newRevision(Object revision) {
		((Revision) revision).setUsername(CurrentUsername.get());
	}

}
